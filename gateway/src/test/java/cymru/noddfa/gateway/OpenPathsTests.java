package cymru.noddfa.gateway;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With tokens required on the API, what stays open: the web app (needed to sign in at
 * all), the services' API descriptions (the public contract) and health.
 */
class OpenPathsTests extends SignedInGatewayTest {

	@ParameterizedTest
	@ValueSource(strings = { "registry", "matching", "notifications" })
	void each_services_api_description_is_reachable_without_a_token(String service) {
		HttpResponse<String> response = client().get("/api/" + service + "/v3/api-docs");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(GatewayClient.json(response).get("path").asString()).isEqualTo("/v3/api-docs");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/app.js", "/app.css", "/app/messages", "/map/wales.json",
			"/webjars/leaflet/dist/leaflet.js", "/actuator/health" })
	void the_web_app_and_health_need_no_token(String path) {
		assertThat(client().get(path).statusCode()).isEqualTo(200);
	}

	@Test
	void the_open_api_description_path_is_no_way_round_the_token() {
		HttpResponse<String> response = client().get("/api/registry/v3/api-docs/../../v1/provisions/sneaky-1");

		assertThat(response.statusCode()).isBetween(400, 499);
		assertThat(services.requestsTo("/")).noneMatch((seen) -> seen.pathAndQuery().contains("sneaky-1"));
	}

	@Test
	void the_rest_of_the_api_needs_a_token() {
		HttpResponse<String> response = client().get("/api/matching/v1/searches/open-1");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(services.requestsTo("/v1/searches/open-1")).isEmpty();
	}

}
