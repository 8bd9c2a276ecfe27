package cymru.noddfa.gateway.limits;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import cymru.noddfa.infra.FreePort;
import cymru.noddfa.infra.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limiter's own Redis connection: settings of its own, and a Redis that accepts
 * and never answers costs a request no more than the command timeout before it goes ahead
 * (failing open, as the README explains).
 */
class TokenBucketStoreTests {

	private static final RateLimitProperties.Bucket BUCKET = new RateLimitProperties.Bucket(1, 1);

	@Test
	void a_limiter_redis_that_never_answers_lets_the_request_through_within_the_command_timeout() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			RateLimitProperties limits = new RateLimitProperties(true, null, null, null,
					new RateLimitProperties.Redis("127.0.0.1", silent.getLocalPort(), Duration.ofMillis(500),
							Duration.ofMillis(250), null, null, null));
			// the shared Redis settings point elsewhere: the limiter's own win
			TokenBucketStore store = new TokenBucketStore(limits,
					new MockEnvironment().withProperty("spring.data.redis.host", "192.0.2.1"));
			try {
				// the first call also starts the Redis client itself
				assertThat(store.take("user:silent", BUCKET).block(Duration.ofSeconds(10)).allowed()).isTrue();
				for (int i = 0; i < 3; i++) {
					Instant start = Instant.now();

					Allowance allowance = store.take("user:silent", BUCKET).block(Duration.ofSeconds(5));

					assertThat(allowance.allowed()).isTrue();
					assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
				}
			}
			finally {
				store.destroy();
			}
		}
	}

	@Test
	void a_limiter_redis_that_asks_for_a_password_throttles_with_the_shared_password_or_its_own(@TempDir Path dir) {
		try (RedisServer redis = new RedisServer(dir, FreePort.pick()).requirePassword("limiter-secret").start()) {
			RateLimitProperties.Redis own = new RateLimitProperties.Redis("127.0.0.1", redis.port(), null,
					Duration.ofSeconds(2), null, "limiter-secret", false);
			assertThrottles(own, new MockEnvironment());

			RateLimitProperties.Redis inherited = new RateLimitProperties.Redis("127.0.0.1", redis.port(), null,
					Duration.ofSeconds(2), null, null, null);
			assertThrottles(inherited,
					new MockEnvironment().withProperty("spring.data.redis.password", "limiter-secret"));

			// without it every bucket is refused by Redis, which the limiter takes for an
			// outage and lets everything through: the defect a password would otherwise
			// cause
			TokenBucketStore store = new TokenBucketStore(new RateLimitProperties(true, null, null, null, inherited),
					new MockEnvironment());
			try {
				for (int i = 0; i < 3; i++) {
					assertThat(store.take("user:no-password", BUCKET).block(Duration.ofSeconds(10)).allowed()).isTrue();
				}
			}
			finally {
				store.destroy();
			}
		}
	}

	private static void assertThrottles(RateLimitProperties.Redis redis, MockEnvironment environment) {
		TokenBucketStore store = new TokenBucketStore(new RateLimitProperties(true, null, null, null, redis),
				environment);
		String bucket = "user:" + System.nanoTime();
		try {
			assertThat(store.take(bucket, BUCKET).block(Duration.ofSeconds(10)).allowed()).isTrue();
			assertThat(store.take(bucket, BUCKET).block(Duration.ofSeconds(10)).allowed())
				.as("the second request in a one-token bucket is refused, so Redis was reached")
				.isFalse();
		}
		finally {
			store.destroy();
		}
	}

	@Test
	void the_limiters_redis_defaults_to_the_shared_address_with_short_timeouts() {
		RateLimitProperties.Redis redis = new RateLimitProperties(true, null, null, null, null).redis();

		assertThat(redis.host()).isNull();
		assertThat(redis.commandTimeout()).isEqualTo(Duration.ofMillis(250));
		assertThat(redis.connectTimeout()).isEqualTo(Duration.ofMillis(500));
	}

}
