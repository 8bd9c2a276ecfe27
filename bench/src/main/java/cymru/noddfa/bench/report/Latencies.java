package cymru.noddfa.bench.report;

import org.HdrHistogram.Histogram;

/**
 * One workload's figures: latency percentiles in milliseconds, what was asked and what
 * was achieved.
 *
 * @param workload what was measured, e.g. {@code search (matcher)}
 * @param count calls recorded, errors and timeouts included: a call that failed counts at
 * its elapsed time or the timeout, whichever is larger, so errors are in the percentiles
 * @param errors calls among them that failed, timed out or answered other than expected
 * @param achievedPerSecond successful answers per second over the run
 * @param targetPerSecond the arrival rate asked for (0 when not rate-driven)
 * @param seconds how long it ran
 * @param note what else a reader needs, e.g. the poll resolution
 */
public record Latencies(String workload, long count, long errors, double p50, double p95, double p99, double max,
		double targetPerSecond, double achievedPerSecond, double seconds, String note) {

	/**
	 * From a histogram of microseconds that holds every call, the {@code errors} among
	 * them included.
	 */
	public static Latencies of(String workload, Histogram micros, long errors, double targetPerSecond, double seconds,
			String note) {
		long count = micros.getTotalCount();
		double achieved = (seconds > 0) ? Math.max(0, count - errors) / seconds : 0;
		return new Latencies(workload, count, errors, ms(micros, 50), ms(micros, 95), ms(micros, 99),
				(count == 0) ? 0 : micros.getMaxValue() / 1000d, targetPerSecond, achieved, seconds, note);
	}

	private static double ms(Histogram micros, double percentile) {
		return (micros.getTotalCount() == 0) ? 0 : micros.getValueAtPercentile(percentile) / 1000d;
	}

	/** Successful calls as a share of all calls, 0 when there were none. */
	public double successRate() {
		return (this.count == 0) ? 0 : (double) (this.count - this.errors) / this.count;
	}

	/**
	 * What a failed call is charged: its elapsed time or the timeout, whichever is
	 * larger, in microseconds.
	 */
	public static long failedMicros(long elapsedNanos, java.time.Duration timeout) {
		return Math.min(Math.max(elapsedNanos, timeout.toNanos()) / 1000, MAX_MICROS);
	}

	/** The largest value a histogram takes, just under a minute. */
	public static final long MAX_MICROS = 59_999_999L;

	public Latencies withNote(String text) {
		return new Latencies(this.workload, this.count, this.errors, this.p50, this.p95, this.p99, this.max,
				this.targetPerSecond, this.achievedPerSecond, this.seconds, text);
	}

	/**
	 * A histogram wide enough for a minute in microseconds, at three significant digits.
	 */
	public static Histogram histogram() {
		return new org.HdrHistogram.ConcurrentHistogram(60_000_000L, 3);
	}

}
