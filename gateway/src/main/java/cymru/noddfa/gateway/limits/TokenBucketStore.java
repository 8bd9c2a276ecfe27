package cymru.noddfa.gateway.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

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
 * so every gateway instance spends from the same bucket. Redis only throttles here and
 * never decides anything that must be exact: when it cannot answer, the request goes
 * ahead (a limiter outage must not become a gateway outage). It has its own connection
 * ({@link RateLimitProperties.Redis}) with short timeouts, so a busy Redis elsewhere
 * cannot hold requests up, and its own Redis answering slowly costs a request at most the
 * command timeout.
 */
@Component
@Slf4j
class TokenBucketStore implements DisposableBean {

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
		Mono<List> call = this.redis
			.execute(TAKE, List.of(KEY_PREFIX + bucket),
					List.of(String.valueOf(limits.perSecond()), String.valueOf(limits.burst())))
			.next();
		if (!this.connected) {
			// opening the connection blocks while Redis is away: never on an event loop.
			// Once open, Lettuce reconnects by itself and a command never blocks, so the
			// hop to another thread is paid only until the first answer.
			call = call.subscribeOn(Schedulers.boundedElastic()).doOnNext((answer) -> this.connected = true);
		}
		return call.timeout(this.commandTimeout)
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
