package cymru.noddfa.bench.workload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

import cymru.noddfa.bench.generate.SyntheticProvision;
import cymru.noddfa.bench.report.Latencies;
import org.HdrHistogram.Histogram;

/**
 * Creates provisions through the gateway as an admin, a bounded number at a time, and
 * waits until the matcher's read model answers for them.
 */
public final class Loading {

	private final Http http;

	private final Tokens tokens;

	private final String gateway;

	/** Each loaded provision's current version (its ETag), for later If-Match updates. */
	private final Map<String, Long> versions = new ConcurrentHashMap<>();

	public Loading(Http http, Tokens tokens, String gateway) {
		this.http = http;
		this.tokens = tokens;
		this.gateway = gateway;
	}

	public Map<String, Long> versions() {
		return this.versions;
	}

	public Latencies create(String workload, List<SyntheticProvision> provisions, int inFlight) {
		Histogram micros = Latencies.histogram();
		AtomicLong errors = new AtomicLong();
		Semaphore permits = new Semaphore(inFlight);
		long start = System.nanoTime();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (SyntheticProvision provision : provisions) {
				permits.acquireUninterruptibly();
				threads.execute(() -> {
					try {
						long sent = System.nanoTime();
						Http.Answer answer = Settle
							.retrying(() -> this.http.post(this.gateway + "/api/registry/v1/provisions",
									this.tokens.admin(), provision.createRequest()));
						if (answer.status() == 409) {
							// an attempt that timed out had created it after all: take
							// its version
							answer = this.http.get(this.gateway + "/api/registry/v1/provisions/" + provision.id(),
									this.tokens.admin());
						}
						if (answer.ok() && answer.etag() != null) {
							micros.recordValue((System.nanoTime() - sent) / 1000);
							this.versions.put(provision.id(), answer.version());
						}
						else {
							micros.recordValue((System.nanoTime() - sent) / 1000);
							if (errors.incrementAndGet() <= 3) {
								System.out.println("  create " + provision.id() + " refused: " + answer);
							}
						}
					}
					finally {
						permits.release();
					}
				});
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return Latencies.of(workload, micros, errors.get(), 0, seconds,
				inFlight + " requests in flight, closed loop; a 503 or no answer is retried after 0.5 s, and a "
						+ "409 after such a retry is taken as created");
	}

	/**
	 * Waits until the matcher answers for the last provisions created: records of one
	 * partition are folded in order, so the last ones in are the last ones out.
	 */
	public Duration awaitReadModel(List<SyntheticProvision> provisions, Duration within) {
		long start = System.nanoTime();
		long deadline = start + within.toNanos();
		List<SyntheticProvision> last = provisions.subList(Math.max(0, provisions.size() - 60), provisions.size());
		for (SyntheticProvision provision : last) {
			while (true) {
				Http.Answer answer = this.http.get(this.gateway + "/api/matching/v1/availability/" + provision.id(),
						this.tokens.admin());
				if (answer.ok()
						&& answer.json().path("version").asLong() >= this.versions.getOrDefault(provision.id(), 1L)) {
					break;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"The matcher did not know " + provision.id() + " within " + within + ": " + answer);
				}
				pause(50);
			}
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
