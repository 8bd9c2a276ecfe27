package cymru.noddfa.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import cymru.noddfa.bench.report.HoldRace;
import cymru.noddfa.bench.report.Latencies;
import org.HdrHistogram.Histogram;

/**
 * The last-bed race: as many referrals as the level asks, each ready, then every one asks
 * for a hold on the same provision at the same moment through the gateway. The invariant
 * is that exactly as many holds succeed as there are beds, and the matcher's availability
 * agrees.
 */
public final class Holds {

	private static final String REGION = "GWE";

	private final Http http;

	private final Tokens tokens;

	private final String gateway;

	private final String matcher;

	/**
	 * @param matcher where referrals are made and holds raced: at the matcher itself,
	 * whose PostgreSQL decides every hold (the gateway's bulkhead would refuse most of a
	 * race before it got there)
	 */
	public Holds(Http http, Tokens tokens, String gateway, String matcher) {
		this.http = http;
		this.tokens = tokens;
		this.gateway = gateway;
		this.matcher = matcher;
	}

	public HoldRace race(String label, int concurrent, int beds) {
		String provisionId = "bench-hold-" + label + "-" + concurrent + "-" + beds;
		Map<String, Object> provision = Map.ofEntries(Map.entry("id", provisionId),
				Map.entry("providerId", "bench-hold-provider"), Map.entry("name", "Race unit " + provisionId),
				Map.entry("kind", "CRISIS_UNIT"), Map.entry("regionCode", REGION),
				Map.entry("localAuthority", "Newport"), Map.entry("location", Map.of("lat", 51.59, "lon", -2.99)),
				Map.entry("ageRange", Map.of("min", 8, "max", 18)), Map.entry("accepts", "ANY"),
				Map.entry("needsMet", List.of("MH_CRISIS")), Map.entry("exclusions", List.of()),
				Map.entry("admissions", Map.of("always", true, "windows", List.of())),
				Map.entry("vacancies", List.of(Map.of("bedType", "CRISIS", "total", beds, "available", beds))));
		Http.Answer created = Settle.retrying(
				() -> this.http.post(this.gateway + "/api/registry/v1/provisions", this.tokens.admin(), provision));
		if (created.status() != 201) {
			throw new IllegalStateException("Could not create " + provisionId + ": " + created);
		}
		awaitFree(provisionId, beds);
		List<String> referrals = referrals(label, concurrent);
		Histogram micros = Latencies.histogram();
		AtomicLong won = new AtomicLong();
		AtomicLong noBed = new AtomicLong();
		AtomicLong other = new AtomicLong();
		Outcomes outcomes = new Outcomes();
		CountDownLatch ready = new CountDownLatch(referrals.size());
		CountDownLatch go = new CountDownLatch(1);
		String token = this.tokens.crisisTeam(REGION);
		long[] started = new long[1];
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (String referral : referrals) {
				threads.execute(() -> {
					ready.countDown();
					try {
						go.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
					long sent = System.nanoTime();
					Http.Answer answer = this.http.post(this.matcher + "/v1/referrals/" + referral + "/holds", token,
							Map.of("provisionId", provisionId));
					micros.recordValue((System.nanoTime() - sent) / 1000);
					if (answer.status() == 201) {
						won.incrementAndGet();
					}
					else if (answer.status() == 409) {
						noBed.incrementAndGet();
					}
					else {
						other.incrementAndGet();
						outcomes.expect(answer, 201);
					}
				});
			}
			await(ready);
			started[0] = System.nanoTime();
			go.countDown();
		}
		double seconds = (System.nanoTime() - started[0]) / 1e9;
		Http.Answer availability = Settle
			.retrying(() -> this.http.get(this.matcher + "/v1/availability/" + provisionId, this.tokens.admin()));
		int held = availability.ok() ? availability.json().path("beds").path(0).path("held").asInt(-1) : -1;
		// the losers would otherwise wait on for a bed, and the winners hold one
		Cancellations.Closed closed = Cancellations.cancel(this.http, this.matcher + "/v1/referrals", token, referrals);
		System.out.printf("  cancelled the race's %d referrals (%d refused)%n", closed.cancelled(), closed.refused());
		Latencies latencies = Latencies.of("holds: " + concurrent + " at once on " + beds + " bed(s)", micros,
				other.get(), 0, seconds, won.get() + " held, " + noBed.get() + " refused (409)" + outcomes);
		return new HoldRace(concurrent, beds, won.get(), noBed.get(), other.get(), held, latencies);
	}

	private List<String> referrals(String label, int count) {
		List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
		Semaphore permits = new Semaphore(4);
		String token = this.tokens.crisisTeam(REGION);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				String reference = "RACE-" + label.toUpperCase(java.util.Locale.ROOT).charAt(0) + count + "-" + i;
				permits.acquireUninterruptibly();
				threads.execute(() -> {
					try {
						Http.Answer answer = Settle.retrying(() -> this.http.post(this.matcher + "/v1/referrals", token,
								Map.of("reference", reference, "regionCode", REGION, "age", 14, "sex", "FEMALE",
										"needs", List.of("MH_CRISIS"), "currentSetting", "A_AND_E", "location",
										Map.of("lat", 51.58, "lon", -3.0), "bedType", "CRISIS")));
						if (answer.status() == 201) {
							ids.add(answer.json().path("id").asString());
						}
						else {
							System.out.println("  referral refused: " + answer);
						}
					}
					finally {
						permits.release();
					}
				});
			}
		}
		return List.copyOf(ids);
	}

	private void awaitFree(String provisionId, int beds) {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (System.nanoTime() < deadline) {
			Http.Answer answer = this.http.get(this.matcher + "/v1/availability/" + provisionId, this.tokens.admin());
			if (answer.ok() && answer.json().path("beds").path(0).path("free").asInt() == beds) {
				return;
			}
			Loading.pause(50);
		}
		throw new IllegalStateException("The matcher never showed " + provisionId);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
