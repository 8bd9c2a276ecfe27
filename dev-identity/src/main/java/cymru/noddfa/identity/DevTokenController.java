package cymru.noddfa.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /dev-auth/token}: a token for any demo user the request describes, for
 * scripts and tests (DESIGN §8 keeps its path and shape; the gateway routes it here in
 * the local profile). Signed with the same key, issuer and claims as the tokens of the
 * sign-in flow, so the gateway and the services trust both alike.
 */
@RestController
class DevTokenController {

	private final DevIdentityProperties properties;

	private final JwtEncoder encoder;

	private final RSAKey signingKey;

	private final String issuer;

	DevTokenController(DevIdentityProperties properties, JwtEncoder tokenEncoder, RSAKey signingKey,
			AuthorizationServerSettings server) {
		this.properties = properties;
		this.encoder = tokenEncoder;
		this.signingKey = signingKey;
		this.issuer = server.getIssuer();
	}

	record TokenRequest(String role, String region, String providerId) {

		DemoUser user() {
			Role parsed;
			try {
				parsed = (this.role != null) ? Role.valueOf(this.role) : null;
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidFieldException("role");
			}
			return new DemoUser(parsed, this.region, this.providerId);
		}

	}

	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn) {
	}

	/**
	 * The region codes a demo team or panel may be issued a token for: the web app's
	 * script sign-in form lists them.
	 */
	@GetMapping("/dev-auth/regions")
	List<String> regions() {
		return this.properties.regions();
	}

	@PostMapping("/dev-auth/token")
	TokenResponse token(@RequestBody TokenRequest request) {
		DemoUser user = request.user().checkedAgainst(this.properties.regions());
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.id(UUID.randomUUID().toString())
			.issuer(this.issuer)
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

}
