package cymru.noddfa.gateway.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cymru.noddfa.testsupport.TestInfrastructure;
import cymru.noddfa.testsupport.WithInfrastructure;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens taken from Redis a few at a time and spent by the instance that took them: Redis
 * is asked once a lease, and however many instances a caller reaches, it never gets more
 * than its bucket holds.
 */
@WithInfrastructure(database = "gateway")
class LeasedTokensTests {

	private final List<TokenBucketStore> stores = new ArrayList<>();

	private RedisClient client;

	private StatefulRedisConnection<String, String> redis;

	@BeforeEach
	void connect(TestInfrastructure infrastructure) {
		this.client = RedisClient.create(RedisURI.create(infrastructure.redisHost(), infrastructure.redisPort()));
		this.redis = this.client.connect();
	}

	@AfterEach
	void close() {
		this.stores.forEach(TokenBucketStore::destroy);
		this.redis.close();
		this.client.shutdown();
	}

	@Test
	void a_lease_is_a_tenth_of_a_second_at_the_rate_at_most_a_tenth_of_the_burst_and_never_nothing() {
		assertThat(TokenBucketStore.leaseSize(new RateLimitProperties.Bucket(100, 400))).isEqualTo(10);
		assertThat(TokenBucketStore.leaseSize(new RateLimitProperties.Bucket(50, 200))).isEqualTo(5);
		assertThat(TokenBucketStore.leaseSize(new RateLimitProperties.Bucket(1000, 50))).isEqualTo(5);
		assertThat(TokenBucketStore.leaseSize(new RateLimitProperties.Bucket(10, 50))).isEqualTo(1);
		assertThat(TokenBucketStore.leaseSize(new RateLimitProperties.Bucket(1, 5))).isEqualTo(1);
	}

	@Test
	void the_tokens_of_a_lease_are_spent_without_asking_redis_and_the_next_lease_asks_again(
			TestInfrastructure infrastructure) {
		TokenBucketStore store = store(infrastructure);
		String bucket = "user:lease-" + UUID.randomUUID();
		RateLimitProperties.Bucket limits = new RateLimitProperties.Bucket(100, 100);

		assertThat(take(store, bucket, limits)).isTrue();
		// a new bucket is full: ten tokens were taken at once, one of them spent
		assertThat(storedTokens(bucket)).isEqualTo(90.0);
		for (int i = 0; i < 9; i++) {
			assertThat(take(store, bucket, limits)).isTrue();
		}
		assertThat(storedTokens(bucket)).as("the lease's nine were spent without Redis").isEqualTo(90.0);

		assertThat(take(store, bucket, limits)).isTrue();
		assertThat(storedTokens(bucket)).as("the eleventh took a new lease").isLessThan(90.0);
	}

	@RepeatedTest(3)
	void callers_reaching_two_instances_at_once_never_get_more_than_the_bucket_holds(TestInfrastructure infrastructure)
			throws Exception {
		TokenBucketStore[] instances = { store(infrastructure), store(infrastructure) };
		String bucket = "user:two-instances-" + UUID.randomUUID();
		RateLimitProperties.Bucket limits = new RateLimitProperties.Bucket(200, 200);
		int lease = TokenBucketStore.leaseSize(limits);
		ExecutorService callers = Executors.newFixedThreadPool(4);
		try {
			long started = System.nanoTime();
			List<Future<Integer>> granted = new ArrayList<>();
			for (int caller = 0; caller < 4; caller++) {
				TokenBucketStore instance = instances[caller % 2];
				granted.add(callers.submit(() -> {
					int allowed = 0;
					for (int i = 0; i < 300; i++) {
						allowed += take(instance, bucket, limits) ? 1 : 0;
					}
					return allowed;
				}));
			}
			int total = 0;
			for (Future<Integer> caller : granted) {
				total += caller.get();
			}
			double seconds = (System.nanoTime() - started) / 1e9;

			// the full bucket, and what it refilled while they called
			assertThat(total).isLessThanOrEqualTo(200 + (int) Math.ceil(200 * seconds));
			// at most each caller's last lease taken and left unspent
			assertThat(total).isGreaterThanOrEqualTo(200 - 4 * (lease - 1));
		}
		finally {
			callers.shutdownNow();
		}
	}

	private TokenBucketStore store(TestInfrastructure infrastructure) {
		RateLimitProperties limits = new RateLimitProperties(true, null, null, null,
				new RateLimitProperties.Redis(infrastructure.redisHost(), infrastructure.redisPort(),
						Duration.ofSeconds(2), Duration.ofSeconds(2), null, null, null));
		TokenBucketStore store = new TokenBucketStore(limits, new MockEnvironment());
		this.stores.add(store);
		return store;
	}

	private static boolean take(TokenBucketStore store, String bucket, RateLimitProperties.Bucket limits) {
		return store.take(bucket, limits).block(Duration.ofSeconds(5)).allowed();
	}

	private double storedTokens(String bucket) {
		return Double.parseDouble(this.redis.sync().hget("noddfa:gateway:rate:" + bucket, "tokens"));
	}

}
