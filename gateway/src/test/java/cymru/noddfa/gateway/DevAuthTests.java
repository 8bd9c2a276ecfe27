package cymru.noddfa.gateway;

import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /dev-auth/token} keeps its path and shape on the gateway (DESIGN §8); the
 * development identity provider answers it behind the gateway.
 */
class DevAuthTests extends SignedInGatewayTest {

	@Test
	void a_script_gets_a_crisis_team_token_from_the_identity_provider_through_the_gateway() throws Exception {
		HttpResponse<String> response = client().postJson("/dev-auth/token",
				"{\"role\":\"CRISIS_TEAM\",\"region\":\"CTM\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = GatewayClient.json(response);
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
		SignedJWT jwt = SignedJWT.parse(body.get("access_token").asString());
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(identitySigningKey().getKeyID());
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("noddfa");
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("dev:crisis-team:CTM");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).isEqualTo(List.of("CRISIS_TEAM"));
		assertThat(jwt.getJWTClaimsSet().getStringClaim("region")).isEqualTo("CTM");
	}

	@Test
	void the_token_opens_the_api_and_reaches_the_service_unchanged() {
		String token = tokenFor("{\"role\":\"PROVIDER\",\"providerId\":\"gwent-partnership\"}");

		HttpResponse<String> response = client().get("/api/registry/v1/provisions/scripted-1", "Authorization",
				"Bearer " + token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(services.requestsTo("/v1/provisions/scripted-1")).singleElement()
			.extracting((seen) -> seen.header("Authorization"))
			.isEqualTo("Bearer " + token);
	}

	@Test
	void the_web_app_finds_the_providers_keys_where_it_looks_for_demo_users() throws Exception {
		HttpResponse<String> response = client().get("/dev-auth/jwks");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(com.nimbusds.jose.jwk.JWKSet.parse(response.body()).getKeyByKeyId(identitySigningKey().getKeyID()))
			.isNotNull();
	}

	@ParameterizedTest(name = "{0} -> 400 naming {1}")
	@CsvSource(delimiter = '|', value = { "not json at all|body", "{\"role\":\"NURSE\"}|role",
			"{\"role\":\"PANEL\",\"region\":\"XYZ\"}|region", "{\"role\":\"ADMIN\",\"name\":\"Dr Jones\"}|name" })
	void a_malformed_token_request_is_a_400_problem_naming_the_field(String body, String field) {
		HttpResponse<String> response = client().postJson("/dev-auth/token", body);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(GatewayClient.json(response).get("field").asString()).isEqualTo(field);
	}

}
