package cymru.noddfa.edge;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * What the gateway and every service check of a bearer token beyond its signature: the
 * issuer, the expiry (Spring's defaults), and the audience, which Spring checks only when
 * told to. A token must carry an expiry at all: Spring's check passes a token without
 * {@code exp}, and such a token, once leaked, would be good for ever.
 */
public final class TokenChecks {

	private TokenChecks() {
	}

	public static OAuth2TokenValidator<Jwt> issuerAudienceAndExpiry(String issuer, String audience) {
		return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
				new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, (aud) -> aud != null && aud.contains(audience)));
	}

}
