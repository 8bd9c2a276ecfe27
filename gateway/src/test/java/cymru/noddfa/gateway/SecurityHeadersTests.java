package cymru.noddfa.gateway;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTests extends GatewayTest {

	@Test
	void a_routed_response_carries_the_security_headers() {
		HttpResponse<String> response = client().get("/api/registry/v1/provisions/headers-1");

		assertSecurityHeaders(response);
	}

	@Test
	void a_problem_the_gateway_answers_itself_carries_them_too() {
		HttpResponse<String> response = client().get("/no-such-page");

		assertThat(response.statusCode()).isEqualTo(404);
		assertSecurityHeaders(response);
	}

	@Test
	void hsts_is_only_sent_over_tls() {
		HttpResponse<String> response = client().get("/api/registry/v1/provisions/headers-2");

		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void cross_origin_access_is_off_unless_origins_are_configured() {
		HttpResponse<String> response = client().get("/api/registry/v1/provisions/cors-1", "Origin",
				"https://elsewhere.example");

		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	@Test
	void without_an_issuer_configured_a_bearer_token_is_relayed_unchecked() {
		HttpResponse<String> response = client().get("/api/registry/v1/provisions/token-1", "Authorization",
				"Bearer not-checked-here");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(registry.requestsTo("/v1/provisions/token-1")).singleElement()
			.extracting((seen) -> seen.header("Authorization"))
			.isEqualTo("Bearer not-checked-here");
	}

	private static void assertSecurityHeaders(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(csp) -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

}
