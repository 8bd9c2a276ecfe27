package cymru.noddfa.notifications.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

	private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));

	@ParameterizedTest(name = "after failure {0} the wait is between {1} and {2} ms")
	@CsvSource(textBlock = """
			1,   500,  1000
			2,  1000,  2000
			3,  2000,  4000
			5,  8000, 16000
			6, 15000, 30000
			40, 15000, 30000
			""")
	void the_wait_doubles_with_each_failure_with_jitter_up_to_the_ceiling(int failures, long min, long max) {
		Instant now = Instant.parse("2026-11-23T02:00:00Z");
		Random random = new Random(7);
		for (int i = 0; i < 200; i++) {
			long wait = Duration.between(now, this.policy.nextAttempt(failures, now, random)).toMillis();
			assertThat(wait).isBetween(min, max);
		}
	}

	@Test
	void jitter_spreads_retries_that_failed_together() {
		Instant now = Instant.parse("2026-11-23T02:00:00Z");
		Random random = new Random(11);
		long distinct = java.util.stream.IntStream.range(0, 50)
			.mapToObj((i) -> this.policy.nextAttempt(4, now, random))
			.distinct()
			.count();
		assertThat(distinct).isGreaterThan(40);
	}

	@Test
	void a_delivery_is_retried_until_it_has_failed_max_attempts_times() {
		assertThat(this.policy.retries(4)).isTrue();
		assertThat(this.policy.retries(5)).isFalse();
	}

}
