package cymru.noddfa.gateway.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway checks callers. Any OIDC provider works (Keycloak, Entra ID, NHS CIS2,
 * the local development issuer): point {@code jwk-set-uri}, {@code issuer} and
 * {@code audience} at it. When {@code jwk-set-uri} is set, a bearer token on any request
 * is validated (signature, issuer, audience, expiry) and a bad one is a 401, and the API
 * routes refuse requests without one: every service refuses them too, so letting them
 * through would only spend a service's time on a certain 401.
 *
 * @param requireAuthentication whether {@code /api/**} needs a valid token; unless set,
 * true exactly when {@code jwk-set-uri} is (set it to {@code false} only to let anonymous
 * calls reach services that decide for themselves)
 * @param jwkSetUri where the issuer publishes its signing keys; none means tokens are
 * passed on unchecked
 * @param issuer the {@code iss} every token must carry
 * @param audience a value the token's {@code aud} must contain
 * @param contentSecurityPolicy the {@code Content-Security-Policy} on every response
 * @param hstsMaxAge how long browsers keep to HTTPS once they have seen it (sent only
 * over TLS)
 * @param jwkSetConnectTimeout how long to wait for a connection to the key set
 * @param jwkSetReadTimeout how long to wait for the key set's answer
 * @param jwkSetRefetchInterval the least time between two fetches of the key set, however
 * many unknown key ids arrive
 * @param rememberVerifiedTokensFor the longest a verified bearer token is trusted without
 * being verified again (never past its expiry): also how long a key withdrawn from the
 * key set may still be honoured
 */
@ConfigurationProperties("noddfa.gateway.security")
public record SecurityProperties(Boolean requireAuthentication, URI jwkSetUri, String issuer,
		@DefaultValue("noddfa") String audience,
		@DefaultValue("default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'") String contentSecurityPolicy,
		@DefaultValue("365d") Duration hstsMaxAge, @DefaultValue("2s") Duration jwkSetConnectTimeout,
		@DefaultValue("3s") Duration jwkSetReadTimeout, @DefaultValue("30s") Duration jwkSetRefetchInterval,
		@DefaultValue("60s") Duration rememberVerifiedTokensFor) {

	public SecurityProperties {
		if (requireAuthentication == null) {
			requireAuthentication = jwkSetUri != null;
		}
		if (requireAuthentication && (jwkSetUri == null || issuer == null || issuer.isBlank())) {
			throw new IllegalStateException("noddfa.gateway.security.require-authentication=true needs "
					+ "noddfa.gateway.security.jwk-set-uri and noddfa.gateway.security.issuer "
					+ "(and audience) pointing at the OIDC provider");
		}
		if (jwkSetUri != null && (issuer == null || issuer.isBlank())) {
			throw new IllegalStateException("noddfa.gateway.security.jwk-set-uri is set but "
					+ "noddfa.gateway.security.issuer is not: tokens must be checked for their issuer");
		}
	}

}
