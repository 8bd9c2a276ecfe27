package cymru.noddfa.kit.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OIDC provider whose tokens this service accepts. Any provider works (Keycloak,
 * Entra ID, NHS CIS2, the local development issuer): a service cannot start without one,
 * because every API call is checked again here, not only at the gateway.
 *
 * @param jwkSetUri where the issuer publishes its signing keys
 * @param issuer the {@code iss} every token must carry
 * @param audience a value the token's {@code aud} must contain
 * @param rememberVerifiedTokensFor the longest a verified token is trusted without being
 * verified again (never past its expiry): also how long a key withdrawn from the key set
 * may still be honoured
 * @param jwkSetConnectTimeout how long to wait for a connection to the key set
 * @param jwkSetReadTimeout how long to wait for the key set's answer: a provider that
 * hangs must not hold every request with it
 */
@ConfigurationProperties("noddfa.security")
public record SecurityProperties(URI jwkSetUri, String issuer, @DefaultValue("noddfa") String audience,
		@DefaultValue("60s") Duration rememberVerifiedTokensFor, @DefaultValue("2s") Duration jwkSetConnectTimeout,
		@DefaultValue("3s") Duration jwkSetReadTimeout) {

	public SecurityProperties {
		if (jwkSetUri == null || issuer == null || issuer.isBlank()) {
			throw new IllegalStateException("noddfa.security.jwk-set-uri and noddfa.security.issuer must name the "
					+ "OIDC provider whose tokens this service accepts (the local stack sets them to the "
					+ "gateway's development issuer)");
		}
		if (audience == null || audience.isBlank()) {
			throw new IllegalStateException("noddfa.security.audience must not be blank");
		}
	}

}
