package cymru.noddfa.gateway.devauth;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev-auth/token} signs a token for any demo user the request describes;
 * {@code GET /dev-auth/jwks} publishes the key the services check it with.
 */
@RestController
@RequestMapping("/dev-auth")
@ConditionalOnBooleanProperty("noddfa.gateway.dev-auth.enabled")
class DevAuthController {

	private final DevAuthProperties properties;

	private final JwtEncoder encoder;

	private final RSAKey signingKey;

	DevAuthController(DevAuthProperties properties, JwtEncoder devTokenEncoder, RSAKey devSigningKey) {
		this.properties = properties;
		this.encoder = devTokenEncoder;
		this.signingKey = devSigningKey;
	}

	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn) {
	}

	@PostMapping("/token")
	TokenResponse token(@RequestBody DevUser request) {
		DevUser user = request.checkedAgainst(this.properties.regions());
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.id(UUID.randomUUID().toString())
			.issuer(this.properties.issuer())
			.audience(List.of(this.properties.audience()))
			.subject(user.subject())
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(this.properties.tokenTtl()));
		user.claims().forEach(claims::claim);
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.signingKey.getKeyID()).build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
		return new TokenResponse(token, "Bearer", this.properties.tokenTtl().toSeconds());
	}

	@GetMapping("/jwks")
	Map<String, Object> jwks() {
		return new JWKSet(this.signingKey.toPublicJWK()).toJSONObject();
	}

}
