package cymru.noddfa.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.jwt.SignedJWT;
import cymru.noddfa.infra.FreePort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The provider on a fixed free loopback port (its issuer names the port), talked to over
 * real HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = DevIdentityApplication.CONFIG_NAME)
class DevIdentityTests {

	static final int PORT = FreePort.pick();

	static final String ISSUER = "http://localhost:" + PORT;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void port(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
	}

	@Test
	void discovery_names_the_issuer_its_keys_and_the_logout_endpoint() {
		JsonNode discovery = json(get("/.well-known/openid-configuration", "en"));

		assertThat(discovery.get("issuer").asString()).isEqualTo(ISSUER);
		assertThat(discovery.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
		assertThat(discovery.get("end_session_endpoint").asString()).isEqualTo(ISSUER + "/connect/logout");
		assertThat(json(get("/oauth2/jwks", "en")).get("keys")).hasSize(1);
	}

	@Test
	void a_script_token_has_the_shape_and_claims_the_services_check_and_passes_their_validation() throws Exception {
		HttpResponse<String> response = postJson("/dev-auth/token", "{\"role\":\"CRISIS_TEAM\",\"region\":\"CTM\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
		String token = body.get("access_token").asString();
		Jwt jwt = serviceKitDecoder("noddfa").decode(token);
		assertThat(jwt.getSubject()).isEqualTo("dev:crisis-team:CTM");
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CRISIS_TEAM");
		assertThat(jwt.getClaimAsString("region")).isEqualTo("CTM");
		assertThat(SignedJWT.parse(token).getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThatThrownBy(() -> serviceKitDecoder("another-audience").decode(token))
			.isInstanceOf(JwtValidationException.class);
	}

	@Test
	void a_provider_token_names_its_provider() {
		String token = json(postJson("/dev-auth/token", "{\"role\":\"PROVIDER\",\"providerId\":\"ctm-partnership\"}"))
			.get("access_token")
			.asString();

		Jwt jwt = serviceKitDecoder("noddfa").decode(token);
		assertThat(jwt.getClaimAsString("provider_id")).isEqualTo("ctm-partnership");
		assertThat(jwt.getSubject()).isEqualTo("dev:provider:ctm-partnership");
	}

	@ParameterizedTest(name = "{0} -> 400 naming {1}")
	@CsvSource(delimiter = '|',
			value = { "{\"role\":\"CRISIS_TEAM\",|body", "not json at all|body", "{\"role\":\"NURSE\"}|role",
					"{\"role\":[\"PANEL\"]}|role", "{\"role\":\"ADMIN\",\"name\":\"Dr Jones\"}|name",
					"{\"role\":\"CRISIS_TEAM\"}|region", "{\"role\":\"PANEL\",\"region\":\"XYZ\"}|region",
					"{\"role\":\"PROVIDER\"}|providerId",
					"{\"role\":\"PROVIDER\",\"providerId\":\"../etc\"}|providerId", "{\"region\":\"CTM\"}|role",
					"{\"role\":\"ADMIN\",\"region\":\"CTM\"}|region" })
	void a_malformed_token_request_is_a_400_problem_naming_the_field(String body, String field) {
		HttpResponse<String> response = postJson("/dev-auth/token", body);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(response).get("field").asString()).isEqualTo(field);
		assertThat(json(response).get("type").asString()).startsWith("https://noddfa.cymru/problems/");
	}

	@Test
	void the_sign_in_page_offers_every_role_region_and_demo_provider_in_welsh_too() {
		HttpResponse<String> english = get("/login", "en");
		HttpResponse<String> welsh = get("/login", "cy");

		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("Sign in as Administrator", "Sign in as Crisis team CTM",
				"Sign in as Regional panel WWA", "Sign in as Provider gwent-partnership",
				"value=\"dev:crisis-team:POW\"", "name=\"_csrf\"");
		assertThat(welsh.body()).contains("Mewngofnodi fel Tîm argyfwng CTM", "lang=\"cy\"");
	}

	/**
	 * What service-kit's {@code ServiceSecurityConfiguration} builds: RS256 from the
	 * issuer's JWKS, then issuer, expiry and audience.
	 */
	private static NimbusJwtDecoder serviceKitDecoder(String audience) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://127.0.0.1:" + PORT + "/oauth2/jwks")
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(ISSUER),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
						(aud) -> aud != null && aud.contains(audience))));
		return decoder;
	}

	private HttpResponse<String> get(String path, String language) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
			.header("Accept-Language", language)
			.build());
	}

	private HttpResponse<String> postJson(String path, String body) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
