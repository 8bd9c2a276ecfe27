package cymru.noddfa.bench.workload;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import cymru.noddfa.bench.generate.SyntheticProvision;
import cymru.noddfa.bench.generate.SyntheticProvision.Beds;
import cymru.noddfa.bench.report.Latencies;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * Providers change vacancies at a steady rate through the gateway; for every
 * {@code traceEvery}-th change, the time from the 2xx of the update until a crisis team's
 * search through the gateway shows the new count. Each provision takes one change at a
 * time (its version is the If-Match of the next), so a traced change holds its provision
 * until it is seen.
 */
public final class Freshness {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final Duration UNSEEN = Duration.ofSeconds(10);

	private final Http http;

	private final Tokens tokens;

	private final String gateway;

	private final Map<String, Long> versions;

	public Freshness(Http http, Tokens tokens, String gateway, Map<String, Long> versions) {
		this.http = http;
		this.tokens = tokens;
		this.gateway = gateway;
		this.versions = versions;
	}

	/**
	 * @param timeout what a failed update is charged at least; a change not seen within
	 * 10 s is charged 10 s
	 */
	public List<Latencies> run(List<SyntheticProvision> provisions, int count, double perSecond, Duration duration,
			Duration timeout, int traceEvery, Watch watch) {
		List<Target> targets = new ArrayList<>();
		for (SyntheticProvision provision : provisions) {
			if (targets.size() == count) {
				break;
			}
			provision.vacancies()
				.stream()
				.filter((beds) -> beds.total() >= 2)
				.findFirst()
				.ifPresent((beds) -> targets.add(new Target(provision, beds)));
		}
		// traced provisions change only when traced, so what a search shows is that
		// change
		// and at most ten are polled at once, so the polling does not become a search
		// flood
		List<Target> traced = targets.subList(0, Math.min(10, targets.size() / 2));
		List<Target> plain = targets.subList(traced.size(), targets.size());
		Histogram visible = Latencies.histogram();
		AtomicLong unseen = new AtomicLong();
		AtomicLong skipped = new AtomicLong();
		AtomicInteger nextTraced = new AtomicInteger();
		Outcomes outcomes = new Outcomes();
		Latencies updates;
		// a traced update is timed to its 2xx like any other; the watch for it in the
		// searches runs apart, holding the provision until it is seen, and the workload
		// ends when the last watch has
		try (ExecutorService watches = Executors.newVirtualThreadPerTaskExecutor()) {
			updates = OpenLoop.run("vacancy update (gateway)", perSecond, duration, timeout, (i) -> {
				Target target = null;
				if (i % traceEvery == 0) {
					for (int tries = 0; tries < traced.size() && target == null; tries++) {
						Target candidate = traced.get(Math.floorMod(nextTraced.getAndIncrement(), traced.size()));
						if (candidate.gate().tryAcquire()) {
							target = candidate;
						}
					}
					if (target == null) {
						skipped.incrementAndGet();
					}
				}
				boolean tracing = target != null;
				if (!tracing) {
					target = plain.get(i % plain.size());
					target.gate().acquireUninterruptibly();
				}
				boolean watched = false;
				try {
					int available = target.next();
					Http.Answer answer = update(target, available);
					if (!outcomes.expect(answer, 200)) {
						if (answer.status() == 412) {
							refreshVersion(target.provision());
						}
						return false;
					}
					long acknowledged = System.nanoTime();
					this.versions.put(target.provision().id(), answer.version());
					target.available = available;
					if (tracing) {
						Target watchedTarget = target;
						watches.execute(() -> {
							try {
								long seen = awaitVisible(watchedTarget, available, watch, acknowledged);
								if (seen < 0) {
									unseen.incrementAndGet();
									visible.recordValue(Latencies.failedMicros(0, UNSEEN));
								}
								else {
									visible.recordValue((seen - acknowledged) / 1000);
								}
							}
							finally {
								watchedTarget.gate().release();
							}
						});
						watched = true;
					}
					return true;
				}
				finally {
					if (!watched) {
						target.gate().release();
					}
				}
			}, "");
		}
		updates = updates.withNote(targets.size() + " provisions, If-Match, provider token; a traced change is timed "
				+ "to its 2xx, its watch in the searches apart" + outcomes);
		Latencies freshness = Latencies.of("freshness (update 2xx → search shows it)", visible, unseen.get(),
				perSecond / traceEvery, updates.seconds(),
				traced.size() + " provisions changed only when traced, one change in " + traceEvery + " ("
						+ skipped.get() + " traces skipped: all traced provisions busy); " + watch.describe()
						+ "; errors = not seen within 10 s, each counted at 10 s");
		return List.of(updates, freshness);
	}

	private Http.Answer update(Target target, int available) {
		String url = this.gateway + "/api/registry/v1/provisions/" + target.provision().id() + "/vacancies/"
				+ target.beds().bedType();
		String token = this.tokens.provider(target.provision().providerId());
		long version = this.versions.get(target.provision().id());
		return this.http.put(url, token, Map.of("total", target.beds().total(), "available", available),
				Map.of("If-Match", "\"" + version + "\""));
	}

	private void refreshVersion(SyntheticProvision provision) {
		Http.Answer current = this.http.get(this.gateway + "/api/registry/v1/provisions/" + provision.id(),
				this.tokens.provider(provision.providerId()));
		if (current.ok() && current.etag() != null) {
			this.versions.put(provision.id(), current.version());
		}
	}

	private long awaitVisible(Target target, int available, Watch watch, long acknowledged) {
		SyntheticProvision provision = target.provision();
		String url = this.gateway + "/api/matching/v1/searches?" + target.query();
		String token = this.tokens.crisisTeam(provision.regionCode());
		long deadline = acknowledged + UNSEEN.toNanos();
		Loading.pause(Math.max(0, watch.firstLookMillis() - (System.nanoTime() - acknowledged) / 1_000_000));
		while (System.nanoTime() < deadline) {
			Http.Answer answer = this.http.get(url, token);
			if (answer.ok()) {
				for (JsonNode candidate : answer.json().path("candidates")) {
					if (candidate.path("provisionId").asString().equals(provision.id())
							&& candidate.path("bedsFree").asInt() == available) {
						return System.nanoTime();
					}
				}
			}
			Loading.pause(watch.pollMillis());
		}
		return -1;
	}

	/**
	 * How a traced change is looked for: a first search this long after the update's 2xx,
	 * then one every {@code pollMillis} until it shows the change. A change visible
	 * before the first look counts as seen at it, so the figure is never earlier than the
	 * truth.
	 */
	public record Watch(long firstLookMillis, long pollMillis) {

		public String describe() {
			return "a search through the gateway " + this.firstLookMillis + " ms after the update's 2xx, then every "
					+ this.pollMillis + " ms until it shows the change; a change that showed sooner counts at "
					+ this.firstLookMillis + " ms, so no figure is earlier than the truth; "
					+ "the resolution after that is " + this.pollMillis + " ms plus one search";
		}

	}

	private static final class Target {

		private final SyntheticProvision provision;

		private final Beds beds;

		/** Held by the change under way, and by a traced change until it is seen. */
		private final Semaphore gate = new Semaphore(1);

		private int available;

		Target(SyntheticProvision provision, Beds beds) {
			this.provision = provision;
			this.beds = beds;
			this.available = beds.available();
		}

		SyntheticProvision provision() {
			return this.provision;
		}

		Beds beds() {
			return this.beds;
		}

		Semaphore gate() {
			return this.gate;
		}

		/** Never 0, so the provision stays in the search's answer. */
		int next() {
			return (this.available % this.beds.total()) + 1;
		}

		String query() {
			String sex = this.provision.accepts().equals("ANY") ? "FEMALE" : this.provision.accepts();
			String query = "regionCode=" + this.provision.regionCode() + "&lat=" + this.provision.lat() + "&lon="
					+ this.provision.lon() + "&age=" + this.provision.minAge() + "&sex=" + sex + "&needs="
					+ this.provision.needsMet().get(0) + "&bedType=" + this.beds.bedType() + "&maxKm=5";
			if (!this.provision.admissions().always()) {
				LocalTime from = LocalTime.parse(this.provision.admissions().from()).plusMinutes(30);
				ZonedDateTime at = ZonedDateTime.now(LONDON).plusDays(1).with(from);
				query += "&admissionAt=" + at.toInstant();
			}
			return query;
		}

	}

}
