package cymru.noddfa.gateway;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTests extends GatewayTest {

	@Test
	void an_anonymous_burst_past_the_limit_gets_429_with_retry_after_and_another_client_is_unaffected() {
		GatewayClient greedy = client();
		List<HttpResponse<String>> responses = new ArrayList<>();
		for (int i = 0; i < 400 && responses.stream().noneMatch((r) -> r.statusCode() == 429); i++) {
			responses.add(greedy.get("/api/registry/v1/provisions/burst"));
		}

		HttpResponse<String> limited = responses.stream()
			.filter((response) -> response.statusCode() == 429)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no request of the burst was limited"));
		assertThat(responses.subList(0, 20)).allSatisfy((response) -> assertThat(response.statusCode()).isEqualTo(200));
		assertThat(limited.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
		assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(GatewayClient.json(limited).get("type").asString())
			.isEqualTo("https://noddfa.cymru/problems/rate-limited");

		assertThat(client().get("/api/registry/v1/provisions/burst").statusCode()).isEqualTo(200);
	}

	@Test
	void health_probes_are_never_limited_even_past_the_anonymous_burst() {
		GatewayClient prober = client();
		for (int i = 0; i < 50; i++) {
			assertThat(prober.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
		}
	}

}
