package cymru.noddfa.kit.security;

import java.net.URI;

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
 */
@ConfigurationProperties("noddfa.security")
public record SecurityProperties(URI jwkSetUri, String issuer, @DefaultValue("noddfa") String audience) {

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
