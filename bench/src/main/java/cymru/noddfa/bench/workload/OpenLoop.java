package cymru.noddfa.bench.workload;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;

import cymru.noddfa.bench.report.Latencies;
import org.HdrHistogram.Histogram;

/**
 * Calls at a fixed arrival rate whatever the answers do, each on its own virtual thread,
 * and times each call from when it was meant to start: a slow answer cannot hold back the
 * next call, and a stalled sender is charged to the latency (no coordinated omission). A
 * call that fails is recorded too, at its elapsed time or the timeout, whichever is
 * larger: errors are part of the percentiles, never left out of them.
 */
public final class OpenLoop {

	private OpenLoop() {
	}

	/**
	 * @param call the i-th call; true when it answered as expected
	 * @param timeout what a failed call is charged at least
	 */
	public static Latencies run(String workload, double perSecond, Duration duration, Duration timeout,
			IntPredicate call, String note) {
		Histogram micros = Latencies.histogram();
		AtomicLong errors = new AtomicLong();
		long interval = (long) (1_000_000_000d / perSecond);
		int calls = (int) (duration.toNanos() / interval);
		long start = System.nanoTime() + 10_000_000L;
		AtomicLong lastEnd = new AtomicLong(start);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < calls; i++) {
				long intended = start + i * interval;
				long wait = intended - System.nanoTime();
				if (wait > 0) {
					LockSupport.parkNanos(wait);
				}
				int index = i;
				threads.execute(() -> {
					boolean ok;
					try {
						ok = call.test(index);
					}
					catch (RuntimeException ex) {
						ok = false;
					}
					long end = System.nanoTime();
					lastEnd.accumulateAndGet(end, Math::max);
					if (ok) {
						micros.recordValue(Math.min((end - intended) / 1000, Latencies.MAX_MICROS));
					}
					else {
						errors.incrementAndGet();
						micros.recordValue(Latencies.failedMicros(end - intended, timeout));
					}
				});
			}
		}
		double seconds = (lastEnd.get() - start) / 1e9;
		return Latencies.of(workload, micros, errors.get(), perSecond, seconds, note);
	}

}
