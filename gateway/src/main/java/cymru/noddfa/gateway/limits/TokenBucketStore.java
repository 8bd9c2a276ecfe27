package cymru.noddfa.gateway.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Token buckets in Redis, refilled continuously and taken from atomically by one script,
 * so every gateway instance spends from the same bucket.
 * <p>
 * An instance takes a bucket's tokens a few at a time, a tenth of a second's worth at its
 * rate (and at most a tenth of its burst), and spends the rest of them on the caller's
 * next requests without asking Redis again: the round trip to Redis for every request was
 * about a third of the gateway's CPU per request. A token is still taken from Redis
 * before it is spent, so no caller ever gets more than its bucket allows, whichever
 * instances it reaches; what an instance has taken and not spent within a second is
 * dropped, so a caller may be held back by at most that tenth of a second's worth. A
 * bucket of fewer than ten tokens a second is still asked one token at a time.
 * <p>
 * Redis only throttles here and never decides anything that must be exact: when it cannot
 * answer, the request goes ahead (a limiter outage must not become a gateway outage). It
 * has its own connection ({@link RateLimitProperties.Redis}) with short timeouts, so a
 * busy Redis elsewhere cannot hold requests up, and its own Redis answering slowly costs
 * a request at most the command timeout.
 */
@Component
@Slf4j
class TokenBucketStore implements DisposableBean {

	private static final String KEY_PREFIX = "noddfa:gateway:rate:";

	// KEYS[1] bucket; ARGV[1] tokens per second, ARGV[2] capacity,
	// ARGV[3] the most tokens wanted.
	// Returns {tokens granted, 0 when none is there; ms until the next token}.
	private static final RedisScript<List> TAKE = RedisScript.of("""
			local rate = tonumber(ARGV[1])
			local capacity = tonumber(ARGV[2])
			local wanted = tonumber(ARGV[3]) or 1
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
			local tokens = tonumber(bucket[1]) or capacity
			local at = tonumber(bucket[2]) or now
			tokens = math.min(capacity, tokens + math.max(0, now - at) * rate / 1000)
			local granted = 0
			local wait = 0
			if tokens >= 1 then
			  granted = math.min(wanted, math.floor(tokens))
			  tokens = tokens - granted
			else
			  wait = math.ceil((1 - tokens) * 1000 / rate)
			end
			redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
			redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
			return {granted, wait}
			""", List.class);

	private static final long WARN_EVERY_MILLIS = 30_000;

	/**
	 * How long tokens taken and not yet spent are kept for the caller's next requests.
	 */
	static final Duration LEASE_LIFETIME = Duration.ofSeconds(1);

	/** Far more than the callers active within a second. */
	private static final long MAX_LEASES = 100_000;

	private static final Mono<Allowance> GRANTED = Mono.just(Allowance.GRANTED);

	private final Cache<String, Lease> leases = Caffeine.newBuilder()
		.expireAfterWrite(LEASE_LIFETIME)
		.maximumSize(MAX_LEASES)
		.build();

	private final LettuceConnectionFactory connections;

	private final ReactiveStringRedisTemplate redis;

	private final Duration commandTimeout;

	private final AtomicLong lastWarned = new AtomicLong();

	private volatile boolean connected;

	TokenBucketStore(RateLimitProperties limits, Environment environment) {
		RateLimitProperties.Redis settings = limits.redis();
		String host = (settings.host() != null) ? settings.host()
				: environment.getProperty("spring.data.redis.host", "localhost");
		int port = (settings.port() != null) ? settings.port()
				: environment.getProperty("spring.data.redis.port", Integer.class, 6379);
		LettuceClientConfiguration.LettuceClientConfigurationBuilder client = LettuceClientConfiguration.builder()
			.commandTimeout(settings.commandTimeout())
			.clientOptions(ClientOptions.builder()
				.socketOptions(SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
				.build());
		boolean ssl = (settings.ssl() != null) ? settings.ssl()
				: environment.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false);
		if (ssl) {
			client.useSsl();
		}
		RedisStandaloneConfiguration server = new RedisStandaloneConfiguration(host, port);
		server.setUsername((settings.username() != null) ? settings.username()
				: environment.getProperty("spring.data.redis.username"));
		String password = (settings.password() != null) ? settings.password()
				: environment.getProperty("spring.data.redis.password");
		if (password != null && !password.isEmpty()) {
			server.setPassword(password);
		}
		this.connections = new LettuceConnectionFactory(server, client.build());
		this.connections.afterPropertiesSet();
		this.connections.start();
		this.redis = new ReactiveStringRedisTemplate(this.connections);
		this.commandTimeout = settings.commandTimeout();
	}

	@Override
	public void destroy() {
		this.connections.destroy();
	}

	Mono<Allowance> take(String bucket, RateLimitProperties.Bucket limits) {
		Lease lease = this.leases.getIfPresent(bucket);
		if (lease != null && lease.spendOne()) {
			return GRANTED;
		}
		int wanted = leaseSize(limits);
		Mono<List> call = this.redis
			.execute(TAKE, List.of(KEY_PREFIX + bucket),
					List.of(String.valueOf(limits.perSecond()), String.valueOf(limits.burst()), String.valueOf(wanted)))
			.next();
		if (!this.connected) {
			// opening the connection blocks while Redis is away: never on an event loop.
			// Once open, Lettuce reconnects by itself and a command never blocks, so the
			// hop to another thread is paid only until the first answer.
			call = call.subscribeOn(Schedulers.boundedElastic()).doOnNext((answer) -> this.connected = true);
		}
		return call.timeout(this.commandTimeout).map((result) -> {
			long granted = ((Number) result.get(0)).longValue();
			if (granted > 1) {
				keep(bucket, granted - 1);
			}
			return new Allowance(granted >= 1, Duration.ofMillis(((Number) result.get(1)).longValue()));
		}).onErrorResume((ex) -> {
			warnAtMostEvery30Seconds(ex);
			return Mono.just(Allowance.GRANTED);
		});
	}

	/**
	 * A tenth of a second's tokens at the bucket's rate, at most a tenth of its burst.
	 */
	static int leaseSize(RateLimitProperties.Bucket limits) {
		return Math.max(1, Math.min(limits.perSecond(), limits.burst()) / 10);
	}

	private void keep(String bucket, long tokens) {
		this.leases.asMap().merge(bucket, new Lease(tokens), Lease::plus);
	}

	private void warnAtMostEvery30Seconds(Throwable ex) {
		long now = System.currentTimeMillis();
		long last = this.lastWarned.get();
		if (now - last >= WARN_EVERY_MILLIS && this.lastWarned.compareAndSet(last, now)) {
			log.warn("Rate limit store (Redis) unreachable: {}; requests go through unlimited until it answers",
					ex.toString());
		}
	}

	/** Tokens this instance has taken from a bucket and not yet spent. */
	private static final class Lease {

		private final AtomicLong left;

		Lease(long tokens) {
			this.left = new AtomicLong(tokens);
		}

		boolean spendOne() {
			return this.left.getAndUpdate((tokens) -> (tokens > 0) ? tokens - 1 : 0) > 0;
		}

		Lease plus(Lease more) {
			this.left.addAndGet(more.left.get());
			return this;
		}

	}

}
