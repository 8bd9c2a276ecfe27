package cymru.noddfa.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The local stack's OpenID Connect provider: Spring Authorization Server offering the
 * demo users of every role and region, and {@code POST /dev-auth/token} for scripts. It
 * never runs in production and never listens beyond loopback ({@link LoopbackOnly}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DevIdentityApplication {

	/**
	 * Its settings are in {@code dev-identity.yml}, apart from any other application's.
	 */
	public static final String CONFIG_NAME = "spring.config.name=dev-identity";

	public static void main(String[] args) {
		start(args);
	}

	public static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(DevIdentityApplication.class).properties(CONFIG_NAME).run(args);
	}

}
