package cymru.noddfa.matcher.availability;

import redis.clients.jedis.UnifiedJedis;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP while Redis answers PING. Searches answer from Redis, so an instance without it must
 * not take traffic.
 */
class RedisHealthIndicator extends AbstractHealthIndicator {

	private final UnifiedJedis redis;

	private final AvailableBeds beds;

	RedisHealthIndicator(UnifiedJedis redis, AvailableBeds beds) {
		super("Redis health check failed");
		this.redis = redis;
		this.beds = beds;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("ping", this.redis.ping()).withDetail("readModelReady", this.beds.isReady());
	}

}
