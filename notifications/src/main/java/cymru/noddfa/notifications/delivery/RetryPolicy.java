package cymru.noddfa.notifications.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with jitter: after the n-th failure the next attempt waits between
 * half and all of {@code initial * 2^(n-1)}, capped at {@code max}. The jitter keeps many
 * deliveries that failed together (a receiver restarting) from retrying in lockstep.
 */
record RetryPolicy(int maxAttempts, Duration initial, Duration max) {

	public RetryPolicy {
		if (maxAttempts < 1 || initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
			throw new IllegalArgumentException("need maxAttempts >= 1 and 0 < initial <= max");
		}
	}

	/** Whether a delivery that has failed this many times gets another attempt. */
	public boolean retries(int failedAttempts) {
		return retries(failedAttempts, null);
	}

	/**
	 * @param limit this delivery's own limit, when it has one (a person's channel falls
	 * through sooner than a webhook gives up)
	 */
	public boolean retries(int failedAttempts, Integer limit) {
		return failedAttempts < ((limit != null) ? limit : this.maxAttempts);
	}

	public Instant nextAttempt(int failedAttempts, Instant now, RandomGenerator random) {
		Duration ceiling = backoff(failedAttempts);
		long half = ceiling.toMillis() / 2;
		return now.plusMillis(half + random.nextLong(half + 1));
	}

	Duration backoff(int failedAttempts) {
		int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
		Duration exponential = this.initial.multipliedBy(1L << doublings);
		return (exponential.compareTo(this.max) > 0) ? this.max : exponential;
	}

}
