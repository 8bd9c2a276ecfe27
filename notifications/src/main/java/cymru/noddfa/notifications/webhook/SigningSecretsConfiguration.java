package cymru.noddfa.notifications.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key ring from {@code noddfa.notifications.secrets.keyset}; there is no default
 * outside the local profile, and without one the service refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class SigningSecretsConfiguration {

	@Bean
	SigningSecrets signingSecrets(SecretsProperties properties) {
		return SigningSecrets.fromKeyset(properties.keyset());
	}

	/**
	 * @param keyset the key ring as Tink's JSON keyset, from a secret store in every real
	 * deployment
	 */
	@ConfigurationProperties("noddfa.notifications.secrets")
	record SecretsProperties(String keyset) {

	}

}
