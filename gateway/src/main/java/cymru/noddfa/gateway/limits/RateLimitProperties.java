package cymru.noddfa.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token buckets kept in Redis. A signed-in caller spends from its own bucket and from its
 * client IP's; a caller without a (validated) token spends from the tighter anonymous
 * bucket of its client IP. Limits are generous for signed-in teams, who may share one
 * hospital address, and tight for anonymous traffic: with tokens required, an anonymous
 * caller can only load the web app, sign in, read the API descriptions and be refused.
 *
 * @param enabled whether requests are limited at all
 * @param user per signed-in user ({@code sub}); 50/s, bursts of 200 unless set
 * @param clientIp per client IP, for signed-in callers; 100/s, bursts of 400 unless set
 * @param anonymous per client IP, for callers without a token; 10/s, bursts of 50 unless
 * set (a page load of the web app costs four)
 */
@ConfigurationProperties("noddfa.gateway.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, Bucket user, Bucket clientIp,
		Bucket anonymous) {

	public RateLimitProperties {
		user = (user != null) ? user : new Bucket(50, 200);
		clientIp = (clientIp != null) ? clientIp : new Bucket(100, 400);
		anonymous = (anonymous != null) ? anonymous : new Bucket(10, 50);
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
