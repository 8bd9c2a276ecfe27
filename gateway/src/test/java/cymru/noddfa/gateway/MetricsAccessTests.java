package cymru.noddfa.gateway;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsAccessTests extends SignedInGatewayTest {

	@Test
	void an_admin_reads_the_prometheus_metrics() {
		String admin = tokenFor("{\"role\":\"ADMIN\"}");

		HttpResponse<String> response = client().get("/actuator/prometheus", "Authorization", "Bearer " + admin);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void without_a_token_the_metrics_are_a_401_problem() {
		HttpResponse<String> response = client().get("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer"));
		assertThat(response.body()).doesNotContain("jvm_memory_used_bytes");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"role\":\"CRISIS_TEAM\",\"region\":\"CTM\"}", "{\"role\":\"PANEL\",\"region\":\"GWE\"}",
			"{\"role\":\"PROVIDER\",\"providerId\":\"gwent-partnership\"}" })
	void any_other_role_is_a_403_problem(String user) {
		HttpResponse<String> response = client().get("/actuator/prometheus", "Authorization",
				"Bearer " + tokenFor(user));

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(GatewayClient.json(response).get("type").asString())
			.isEqualTo("https://noddfa.cymru/problems/forbidden");
		assertThat(response.body()).doesNotContain("jvm_memory_used_bytes");
	}

}
