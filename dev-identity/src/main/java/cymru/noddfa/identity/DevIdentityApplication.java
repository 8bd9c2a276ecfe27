package cymru.noddfa.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local stack's OpenID Connect provider: Spring Authorization Server offering the
 * demo users of every role and region, and {@code POST /dev-auth/token} for scripts. It
 * never runs in production and never listens beyond loopback ({@link LoopbackOnly}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DevIdentityApplication {

	public static void main(String[] args) {
		SpringApplication.run(DevIdentityApplication.class, args);
	}

}
