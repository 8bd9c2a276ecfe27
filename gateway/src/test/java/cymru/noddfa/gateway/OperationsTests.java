package cymru.noddfa.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;

import cymru.noddfa.testsupport.TestIdentity;
import cymru.noddfa.testsupport.TestInfrastructure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OperationsTests extends GatewayTest {

	@Test
	void liveness_and_readiness_are_up_and_readiness_does_not_wait_for_the_services() {
		notifications.stop();
		try {
			HttpResponse<String> readiness = client().get("/actuator/health/readiness");

			assertThat(readiness.statusCode()).isEqualTo(200);
			assertThat(GatewayClient.json(readiness).get("status").asString()).isEqualTo("UP");
		}
		finally {
			notifications.restart();
		}
		assertThat(client().get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void one_keep_alive_connection_carries_many_health_checks_without_stalling() {
		// health answers complete off the event loop, the case that stalled keep-alive
		// connections in Reactor Netty 1.3.7 (see GatewayApplication)
		GatewayClient client = client();
		for (int i = 0; i < 200; i++) {
			HttpResponse<String> response = client.send(
					client.request("/actuator/health/liveness").timeout(java.time.Duration.ofSeconds(5)).GET().build());
			assertThat(response.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void prometheus_metrics_are_not_public() {
		HttpResponse<String> anonymous = client().get("/actuator/prometheus");
		HttpResponse<String> unchecked = client().get("/actuator/prometheus", "Authorization",
				"Bearer " + TestIdentity.shared().admin());

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(GatewayClient.json(anonymous).get("type").asString())
			.isEqualTo("https://noddfa.cymru/problems/unauthorized");
		assertThat(anonymous.body()).doesNotContain("jvm_memory_used_bytes");
		assertThat(unchecked.statusCode()).as("no issuer is configured here, so no token can be an admin's")
			.isEqualTo(401);
	}

	@Test
	void other_actuator_endpoints_are_not_exposed() {
		assertThat(client().get("/actuator/env").statusCode()).isEqualTo(404);
		assertThat(client().get("/actuator/gateway/routes").statusCode()).isEqualTo(404);
		assertThat(client().get("/actuator/beans").statusCode()).isEqualTo(404);
	}

	@Test
	void readiness_includes_the_rate_limit_store_and_nothing_downstream() {
		HttpResponse<String> readiness = client().get("/actuator/health/readiness", "Accept",
				"application/vnd.spring-boot.actuator.v3+json");

		assertThat(readiness.statusCode()).isEqualTo(200);
	}

	@Test
	void readiness_goes_down_without_redis_and_up_when_it_returns(TestInfrastructure infra) {
		infra.stopRedis();
		try {
			await().atMost(Duration.ofSeconds(20))
				.until(() -> client().get("/actuator/health/readiness").statusCode() == 503);
		}
		finally {
			infra.startRedis();
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> client().get("/actuator/health/readiness").statusCode() == 200);
	}

	@Test
	void outside_the_local_profile_there_is_no_development_token_issuer() {
		HttpResponse<String> response = client().postJson("/dev-auth/token", "{\"role\":\"ADMIN\"}");

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void the_fallback_is_not_reachable_from_outside() {
		assertThat(client().get("/fallback").statusCode()).isEqualTo(404);
	}

}
