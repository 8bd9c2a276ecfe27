package cymru.noddfa.bench.workload;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cancels the referrals a workload made, sixteen at a time, outside any measured window.
 * Left open they wait for a bed: every later vacancy change for their bed type would
 * announce a match to each of them, a flood of events no region's few waiting children
 * make, charged to whichever workload runs next.
 */
public final class Cancellations {

	private Cancellations() {
	}

	/**
	 * @param referrals the referrals' address ({@code …/referrals}), at the gateway or
	 * the matcher
	 */
	static Closed cancel(Http http, String referrals, String token, Collection<String> ids) {
		AtomicInteger refused = new AtomicInteger();
		try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
			for (String id : ids) {
				pool.execute(() -> {
					if (!http.post(referrals + "/" + id + "/cancel", token, Map.of()).ok()) {
						refused.incrementAndGet();
					}
				});
			}
		}
		return new Closed(ids.size(), refused.get());
	}

	/**
	 * How many referrals were cancelled, and how many of those cancellations were
	 * refused.
	 */
	public record Closed(int cancelled, int refused) {
	}

}
