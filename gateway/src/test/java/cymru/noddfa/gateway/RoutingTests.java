package cymru.noddfa.gateway;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTests extends GatewayTest {

	@ParameterizedTest
	@CsvSource({ "/api/registry/v1/provisions?region=CTM, registry, /v1/provisions?region=CTM",
			"/api/matching/v1/searches, matching, /v1/searches",
			"/api/notifications/v3/api-docs, notifications, /v3/api-docs" })
	void each_public_prefix_is_stripped_on_the_way_to_its_service(String publicPath, String service,
			String servicePath) {
		HttpResponse<String> response = client().get(publicPath);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(GatewayClient.json(response).get("service").asString()).isEqualTo(service);
		assertThat(GatewayClient.json(response).get("path").asString()).isEqualTo(servicePath);
	}

	@Test
	void a_request_without_an_id_gets_one_that_the_service_and_the_caller_both_see() {
		HttpResponse<String> response = client().get("/api/registry/v1/provisions/id-check-1");

		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestId).matches("[0-9a-f-]{36}");
		assertThat(registry.requestsTo("/v1/provisions/id-check-1")).singleElement()
			.extracting((seen) -> seen.header("X-Request-Id"))
			.isEqualTo(requestId);
		assertThat(response.headers().allValues("X-Request-Id")).hasSize(1);
	}

	@Test
	void a_sane_incoming_request_id_is_kept_end_to_end() {
		HttpResponse<String> response = client().get("/api/matching/v1/referrals/id-check-2", "X-Request-Id",
				"crisis-team.call-42");

		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("crisis-team.call-42");
		assertThat(matching.requestsTo("/v1/referrals/id-check-2")).singleElement()
			.extracting((seen) -> seen.header("X-Request-Id"))
			.isEqualTo("crisis-team.call-42");
	}

	@Test
	void an_insane_incoming_request_id_is_replaced() {
		HttpResponse<String> response = client().get("/api/matching/v1/referrals/id-check-3", "X-Request-Id",
				"<script>alert(1)</script>");

		String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(requestId).matches("[0-9a-f-]{36}");
		assertThat(matching.requestsTo("/v1/referrals/id-check-3")).singleElement()
			.extracting((seen) -> seen.header("X-Request-Id"))
			.isEqualTo(requestId);
	}

	@Test
	void a_path_no_route_serves_is_a_404_problem_with_the_request_id() {
		HttpResponse<String> response = client().get("/api/nowhere/v1/things", "X-Request-Id", "lost-1");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("lost-1");
		assertThat(GatewayClient.json(response).get("type").asString())
			.isEqualTo("https://noddfa.cymru/problems/not-found");
		assertThat(GatewayClient.json(response).get("status").asInt()).isEqualTo(404);
		assertThat(GatewayClient.json(response).get("title").asString()).isEqualTo("Not found");
		assertThat(GatewayClient.json(response).get("requestId").asString()).isEqualTo("lost-1");
	}

	@Test
	void problems_speak_welsh_to_those_who_ask() {
		HttpResponse<String> response = client().get("/nowhere", "Accept-Language", "cy");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(GatewayClient.json(response).get("title").asString()).isEqualTo("Heb ei ganfod");
	}

	@Test
	void a_body_over_the_limit_is_a_413_problem_and_never_reaches_the_service() {
		String big = "{\"note\":\"" + "x".repeat(2048) + "\"}";

		HttpResponse<String> response = client().postJson("/api/registry/v1/provisions/too-big-1", big);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(GatewayClient.json(response).get("type").asString())
			.isEqualTo("https://noddfa.cymru/problems/payload-too-large");
		assertThat(GatewayClient.json(response).get("field").asString()).isEqualTo("body");
		assertThat(registry.requestsTo("/v1/provisions/too-big-1")).isEmpty();
	}

	@Test
	void a_chunked_body_that_grows_over_the_limit_is_a_413_problem() {
		HttpResponse<String> response = client().postChunked("/api/registry/v1/provisions/too-big-2", new byte[4096]);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(GatewayClient.json(response).get("type").asString())
			.isEqualTo("https://noddfa.cymru/problems/payload-too-large");
	}

	@Test
	void a_body_within_the_limit_reaches_the_service_whole() {
		HttpResponse<String> response = client().postJson("/api/registry/v1/provisions", "{\"name\":\"Hub\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(registry.requestsTo("/v1/provisions")).filteredOn((seen) -> seen.method().equals("POST"))
			.extracting(StubService.Seen::body)
			.contains("{\"name\":\"Hub\"}");
	}

}
