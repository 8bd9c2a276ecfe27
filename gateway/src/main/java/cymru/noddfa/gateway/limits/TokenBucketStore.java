package cymru.noddfa.gateway.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, refilled continuously and taken from atomically by one script,
 * so every gateway instance spends from the same bucket. Redis only throttles here and
 * never decides anything that must be exact: when it cannot answer, the request goes
 * ahead (a limiter outage must not become a gateway outage).
 */
@Component
class TokenBucketStore {

	private static final Logger log = LoggerFactory.getLogger(TokenBucketStore.class);

	private static final String KEY_PREFIX = "noddfa:gateway:rate:";

	// KEYS[1] bucket; ARGV[1] tokens per second, ARGV[2] capacity.
	// Returns {allowed (1|0), milliseconds until the next token}.
	private static final RedisScript<List> TAKE = RedisScript.of("""
			local rate = tonumber(ARGV[1])
			local capacity = tonumber(ARGV[2])
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
			local tokens = tonumber(bucket[1]) or capacity
			local at = tonumber(bucket[2]) or now
			tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
			local allowed = 0
			local wait = 0
			if tokens >= 1 then
			  tokens = tokens - 1
			  allowed = 1
			else
			  wait = math.ceil((1 - tokens) * 1000 / rate)
			end
			redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
			redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
			return {allowed, wait}
			""", List.class);

	private static final long WARN_EVERY_MILLIS = 30_000;

	private final ReactiveStringRedisTemplate redis;

	private final AtomicLong lastWarned = new AtomicLong();

	TokenBucketStore(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	Mono<Allowance> take(String bucket, RateLimitProperties.Bucket limits) {
		return this.redis
			.execute(TAKE, List.of(KEY_PREFIX + bucket),
					List.of(String.valueOf(limits.perSecond()), String.valueOf(limits.burst())))
			.next()
			.map((result) -> new Allowance(((Number) result.get(0)).longValue() == 1,
					Duration.ofMillis(((Number) result.get(1)).longValue())))
			.onErrorResume((ex) -> {
				warnAtMostEvery30Seconds(ex);
				return Mono.just(Allowance.GRANTED);
			});
	}

	private void warnAtMostEvery30Seconds(Throwable ex) {
		long now = System.currentTimeMillis();
		long last = this.lastWarned.get();
		if (now - last >= WARN_EVERY_MILLIS && this.lastWarned.compareAndSet(last, now)) {
			log.warn("Rate limit store (Redis) unreachable: {}; requests go through unlimited until it answers",
					ex.toString());
		}
	}

}
