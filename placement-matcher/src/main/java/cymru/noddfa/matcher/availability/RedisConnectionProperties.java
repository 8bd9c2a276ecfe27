package cymru.noddfa.matcher.availability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Redis is, under Spring Boot's own names so local, compose and Kubernetes set it
 * the same way. Timeouts are short: a search must fail fast to a 503, not hang.
 */
@ConfigurationProperties("spring.data.redis")
record RedisConnectionProperties(@DefaultValue("localhost") String host, @DefaultValue("6379") int port,
		@DefaultValue("1s") Duration timeout, @DefaultValue("32") int maxConnections) {

}
