package cymru.noddfa.gateway;

import java.net.http.HttpResponse;
import java.util.List;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DevAuthTests extends SignedInGatewayTest {

	@Test
	void a_crisis_team_token_is_signed_by_the_published_key_and_names_its_region() throws Exception {
		HttpResponse<String> response = client().postJson("/dev-auth/token",
				"{\"role\":\"CRISIS_TEAM\",\"region\":\"CTM\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = GatewayClient.json(response);
		assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
		assertThat(body.get("expires_in").asLong()).isEqualTo(3600);
		SignedJWT jwt = SignedJWT.parse(body.get("access_token").asString());
		JWKSet keys = JWKSet.parse(client().get("/dev-auth/jwks").body());
		RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
		assertThat(key.isPrivate()).isFalse();
		assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:" + PORT + "/dev-auth");
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("noddfa");
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("dev:crisis-team:CTM");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).isEqualTo(List.of("CRISIS_TEAM"));
		assertThat(jwt.getJWTClaimsSet().getStringClaim("region")).isEqualTo("CTM");
		assertThat(jwt.getJWTClaimsSet().getExpirationTime()).isInTheFuture();
	}

	@Test
	void a_provider_token_names_its_provider() throws Exception {
		SignedJWT jwt = SignedJWT.parse(tokenFor("{\"role\":\"PROVIDER\",\"providerId\":\"ctm-partnership\"}"));

		assertThat(jwt.getJWTClaimsSet().getStringClaim("provider_id")).isEqualTo("ctm-partnership");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("PROVIDER");
	}

	@Test
	void the_sign_in_page_lists_a_demo_user_for_each_role_and_region_in_welsh_too() {
		HttpResponse<String> english = client().get("/dev-auth");
		HttpResponse<String> welsh = client().get("/dev-auth", "Accept-Language", "cy");

		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(english.body()).contains("Sign in as Crisis team CTM", "Sign in as Regional panel WWA",
				"Sign in as Administrator", "name=\"providerId\"");
		assertThat(welsh.body()).contains("Mewngofnodi fel Tîm argyfwng CTM", "lang=\"cy\"");
	}

	@Test
	void signing_in_from_the_page_shows_a_token_that_opens_the_api() {
		HttpResponse<String> page = client().send(client().request("/dev-auth/sign-in")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("role=PROVIDER&region=&providerId=gwent-partnership"))
			.build());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("dev:provider:gwent-partnership");
		String token = page.body().replaceAll("(?s).*<textarea[^>]*>([^<]+)</textarea>.*", "$1");
		assertThat(
				client().get("/api/registry/v1/provisions/from-page", "Authorization", "Bearer " + token).statusCode())
			.isEqualTo(200);
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
		HttpResponse<String> response = client().postJson("/dev-auth/token", body);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(GatewayClient.json(response).get("field").asString()).isEqualTo(field);
		assertThat(GatewayClient.json(response).get("type").asString()).startsWith("https://noddfa.cymru/problems/");
	}

}
