package cymru.noddfa.gateway.limits;

import java.time.Duration;

/**
 * What a bucket said about one request: go ahead, or wait this long for the next token.
 */
record Allowance(boolean allowed, Duration retryAfter) {

	static final Allowance GRANTED = new Allowance(true, Duration.ZERO);

	/** Whole seconds for {@code Retry-After}, rounded up, never zero. */
	long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

}
