package cymru.noddfa.gateway.limits;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets kept in Redis. A signed-in caller spends only from its own bucket (never
 * its address's: a hospital's clinicians share one); a caller without a (validated) token
 * spends from the tighter anonymous bucket of its client IP. Limits are generous for
 * signed-in teams, who may share one hospital address, and tight for anonymous traffic:
 * with tokens required, an anonymous caller can only load the web app, sign in, read the
 * API descriptions and be refused.
 *
 * @param enabled whether requests are limited at all
 * @param user per signed-in user ({@code sub}); 50/s, bursts of 200 unless set
 * @param roles per signed-in user holding one of these roles (from the token's
 * {@code roles} claim), in place of {@code user}; the largest burst wins when a user
 * holds several. Unless set, {@code CRISIS_TEAM} gets 100/s with bursts of 400: a duty
 * clinician searching again and again for a child in A&amp;E must never be the one held
 * back
 * @param anonymous per client IP, for callers without a token; 10/s, bursts of 50 unless
 * set (the web app's own files cost nothing)
 * @param redis the limiter's own Redis connection, apart from the sessions' and the
 * search store's
 */
@ConfigurationProperties("noddfa.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, Bucket user, Map<String, Bucket> roles,
		Bucket anonymous, Redis redis) {

	public RateLimitProperties {
		user = (user != null) ? user : new Bucket(50, 200);
		roles = (roles != null) ? byRoleName(roles) : Map.of("CRISIS_TEAM", new Bucket(100, 400));
		anonymous = (anonymous != null) ? anonymous : new Bucket(10, 50);
		redis = (redis != null) ? redis : new Redis(null, null, null, null, null, null, null);
	}

	/** The bucket of a signed-in user holding these roles. */
	public Bucket forUserWith(Collection<String> userRoles) {
		return userRoles.stream()
			.map((role) -> this.roles.get(roleName(role)))
			.filter(Objects::nonNull)
			.max(Comparator.comparingInt(Bucket::burst))
			.orElse(this.user);
	}

	/**
	 * {@code crisis-team} (as environment variables and relaxed binding give it) is
	 * {@code CRISIS_TEAM}.
	 */
	private static Map<String, Bucket> byRoleName(Map<String, Bucket> roles) {
		Map<String, Bucket> named = new HashMap<>();
		roles.forEach((role, bucket) -> named.put(roleName(role), bucket));
		return Map.copyOf(named);
	}

	private static String roleName(String role) {
		return role.toUpperCase(Locale.ROOT).replace('-', '_');
	}

	/**
	 * The rate limiter's own Redis connection, so that a slow or busy Redis elsewhere
	 * cannot stall or switch off the limiter.
	 *
	 * @param host unless set, {@code spring.data.redis.host}
	 * @param port unless set, {@code spring.data.redis.port}
	 * @param connectTimeout 500 ms unless set
	 * @param commandTimeout the longest one request waits for its bucket; 250 ms unless
	 * set, after which the request goes ahead unlimited
	 * @param username unless set, {@code spring.data.redis.username} (Redis 6 ACL user)
	 * @param password unless set, {@code spring.data.redis.password}
	 * @param ssl whether to speak TLS; unless set, {@code spring.data.redis.ssl.enabled}
	 */
	public record Redis(String host, Integer port, Duration connectTimeout, Duration commandTimeout, String username,
			String password, Boolean ssl) {

		public Redis {
			connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofMillis(500);
			commandTimeout = (commandTimeout != null) ? commandTimeout : Duration.ofMillis(250);
		}

	}

	/**
	 * @param perSecond tokens added back each second
	 * @param burst the most tokens a bucket holds, so the longest burst allowed
	 */
	public record Bucket(int perSecond, int burst) {

		public Bucket {
			if (perSecond < 1 || burst < 1) {
				throw new IllegalArgumentException("a rate-limit bucket needs per-second and burst of at least 1");
			}
		}

	}

}
