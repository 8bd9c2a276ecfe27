package cymru.noddfa.matcher.availability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * Where Redis is and how to sign in to it, under Spring Boot's own names (the gateway's
 * session store reads the same ones) so local, compose and Kubernetes set it the same
 * way. Timeouts are short: a search must fail fast to a 503, not hang.
 *
 * @param host the server
 * @param port its port
 * @param username an ACL user, if Redis has them; unless set, the password alone is sent
 * (Redis's {@code requirepass})
 * @param password sent with AUTH on every new connection when set
 * @param timeout connect and read timeout of each command
 * @param maxConnections the pool's size
 * @param ssl TLS to Redis
 */
@ConfigurationProperties("spring.data.redis")
record RedisConnectionProperties(@DefaultValue("localhost") String host, @DefaultValue("6379") int port,
		String username, String password, @DefaultValue("1s") Duration timeout, @DefaultValue("32") int maxConnections,
		@DefaultValue Ssl ssl) {

	RedisConnectionProperties {
		username = StringUtils.hasText(username) ? username : null;
		// an empty variable (an optional Secret that is absent) means no password, not ""
		password = StringUtils.hasText(password) ? password : null;
	}

	/** Never the password: a settings record may end up in a log line. */
	@Override
	public String toString() {
		return "RedisConnectionProperties[host=%s, port=%d, username=%s, password=%s, timeout=%s, ssl=%s]".formatted(
				this.host, this.port, this.username, (this.password != null) ? "(set)" : "(none)", this.timeout,
				this.ssl);
	}

	/**
	 * @param enabled speak TLS to Redis, trusting the JVM's certificate authorities
	 * unless {@code bundle} names others
	 * @param bundle an SSL bundle ({@code spring.ssl.bundle.*}) with the certificates to
	 * trust (and a client certificate if Redis asks for one); naming one turns TLS on
	 */
	record Ssl(boolean enabled, String bundle) {

		Ssl {
			bundle = StringUtils.hasText(bundle) ? bundle : null;
		}

		boolean isOn() {
			return this.enabled || this.bundle != null;
		}

	}

}
