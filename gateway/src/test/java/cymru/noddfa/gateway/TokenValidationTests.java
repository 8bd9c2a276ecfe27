package cymru.noddfa.gateway;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class TokenValidationTests extends SignedInGatewayTest {

	private final JwtEncoder devIssuer = identityEncoder();

	private final RSAKey devSigningKey = identitySigningKey();

	@Test
	void a_valid_token_reaches_the_service_which_receives_it_to_check_again() {
		String token = tokenFor("{\"role\":\"PANEL\",\"region\":\"GWE\"}");

		HttpResponse<String> response = client().get("/api/registry/v1/provisions/valid-1", "Authorization",
				"Bearer " + token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(services.requestsTo("/v1/provisions/valid-1")).singleElement()
			.extracting((seen) -> seen.header("Authorization"))
			.isEqualTo("Bearer " + token);
	}

	@Test
	void a_call_with_its_own_token_gets_the_security_headers_and_no_cookie_of_any_kind() {
		String token = tokenFor("{\"role\":\"CRISIS_TEAM\",\"region\":\"CTM\"}");

		HttpResponse<String> response = client().get("/api/registry/v1/provisions/stateless-1", "Authorization",
				"Bearer " + token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).as("no session, no CSRF cookie").isEmpty();
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("default-src 'self'"));
	}

	@Test
	void no_token_is_a_401_problem_asking_for_a_bearer_token() {
		HttpResponse<String> response = client().get("/api/registry/v1/provisions/anonymous-1");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(GatewayClient.json(response).get("type").asString())
			.isEqualTo("https://noddfa.cymru/problems/unauthorized");
		assertThat(services.requestsTo("/v1/provisions/anonymous-1")).isEmpty();
	}

	@Test
	void an_expired_token_is_401() {
		assertRejected(signed((claims) -> claims.issuedAt(Instant.now().minus(Duration.ofHours(2)))
			.notBefore(Instant.now().minus(Duration.ofHours(2)))
			.expiresAt(Instant.now().minus(Duration.ofMinutes(10)))), "expired");
	}

	@Test
	void a_token_without_an_expiry_is_401() {
		assertRejected(signed((claims) -> claims.claims((all) -> all.remove("exp"))), "no-expiry");
	}

	@Test
	void a_token_from_another_issuer_is_401() {
		assertRejected(signed((claims) -> claims.issuer("https://login.elsewhere.example")), "wrong-issuer");
	}

	@Test
	void a_token_for_another_audience_is_401() {
		assertRejected(signed((claims) -> claims.audience(List.of("some-other-api"))), "wrong-audience");
	}

	@Test
	void an_unsigned_alg_none_token_is_401() {
		String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
		String claims = base64("{\"iss\":\"" + ISSUER + "\",\"aud\":[\"noddfa\"],"
				+ "\"sub\":\"dev:admin:all\",\"roles\":[\"ADMIN\"],\"exp\":" + (Instant.now().getEpochSecond() + 600)
				+ "}");
		assertRejected(header + "." + claims + ".", "alg-none");
	}

	@Test
	void a_tampered_token_is_401() {
		String token = tokenFor("{\"role\":\"CRISIS_TEAM\",\"region\":\"CTM\"}");
		String[] parts = token.split("\\.");
		String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("CTM",
				"CAV");

		assertRejected(parts[0] + "." + base64(forged) + "." + parts[2], "tampered");
	}

	@Test
	void a_token_signed_by_a_key_the_issuer_never_published_is_401() throws Exception {
		RSAKey stranger = new RSAKeyGenerator(2048).keyID(this.devSigningKey.getKeyID())
			.algorithm(JWSAlgorithm.RS256)
			.generate();
		JwtEncoder strangerEncoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(stranger)));

		assertRejected(signed(strangerEncoder, UnaryOperator.identity()), "foreign-key");
	}

	@Test
	void health_needs_no_token() {
		assertThat(client().get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	private void assertRejected(String token, String what) {
		String path = "/v1/provisions/rejected-" + what;

		HttpResponse<String> response = client().get("/api/registry" + path, "Authorization", "Bearer " + token);

		assertThat(response.statusCode()).as(what).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(services.requestsTo(path)).as(what).isEmpty();
	}

	private String signed(UnaryOperator<JwtClaimsSet.Builder> change) {
		return signed(this.devIssuer, change);
	}

	private String signed(JwtEncoder encoder, UnaryOperator<JwtClaimsSet.Builder> change) {
		Instant now = Instant.now();
		JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
			.id(UUID.randomUUID().toString())
			.issuer(ISSUER)
			.audience(List.of("noddfa"))
			.subject("dev:admin:all")
			.issuedAt(now)
			.notBefore(now)
			.expiresAt(now.plus(Duration.ofMinutes(10)))
			.claims((all) -> all.putAll(Map.of("roles", List.of("ADMIN"))));
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.devSigningKey.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, change.apply(claims).build())).getTokenValue();
	}

	private static String base64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
