package cymru.noddfa.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DownstreamFailureTests extends GatewayTest {

	@Autowired
	ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

	@Test
	void a_stopped_service_is_a_503_problem_with_retry_after_and_the_route_recovers_when_it_returns() {
		GatewayClient client = client();
		notifications.stop();
		try {
			HttpResponse<String> response = client.get("/api/notifications/v1/subscriptions");

			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
			assertThat(GatewayClient.json(response).get("type").asString())
				.isEqualTo("https://noddfa.cymru/problems/service-unavailable");
			assertThat(GatewayClient.json(response).get("service").asString()).isEqualTo("notifications");
		}
		finally {
			notifications.restart();
		}
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> client.get("/api/notifications/v1/subscriptions").statusCode() == 200);
	}

	@Test
	void repeated_failures_open_the_circuit_and_it_closes_again_once_the_service_answers() {
		GatewayClient client = client();
		CircuitBreaker breaker = this.circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("notifications");
		notifications.stop();
		try {
			await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
				assertThat(client.get("/api/notifications/v1/notifications").statusCode()).isEqualTo(503);
				assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
			});
			HttpResponse<String> whileOpen = client.get("/api/notifications/v1/notifications");
			assertThat(whileOpen.statusCode()).isEqualTo(503);
			assertThat(whileOpen.headers().firstValue("Retry-After")).isPresent();
		}
		finally {
			notifications.restart();
		}
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> client.get("/api/notifications/v1/notifications").statusCode() == 200
					&& breaker.getState() == CircuitBreaker.State.CLOSED);
	}

	@Test
	void a_service_slower_than_its_route_timeout_is_a_503_problem_not_a_hang() {
		CountDownLatch held = matching.holdAnswers("/v1/searches/slow");
		try {
			long started = System.nanoTime();
			HttpResponse<String> response = client().get("/api/matching/v1/searches/slow");
			long tookMs = (System.nanoTime() - started) / 1_000_000;

			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(GatewayClient.json(response).get("type").asString())
				.isEqualTo("https://noddfa.cymru/problems/service-timeout");
			assertThat(tookMs).isLessThan(5000);
		}
		finally {
			held.countDown();
		}
	}

	@Test
	void a_503_from_a_service_passes_through_once_and_is_never_retried() {
		registry.failNext("/v1/provisions/busy-get", 1);

		HttpResponse<String> response = client().get("/api/registry/v1/provisions/busy-get");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(GatewayClient.json(response).get("type").asString()).as("the service's own problem, unchanged")
			.isEqualTo("https://noddfa.cymru/problems/busy");
		assertThat(registry.requestsTo("/v1/provisions/busy-get")).hasSize(1);
	}

	@Test
	void a_refused_connection_on_a_get_is_tried_once_more_and_on_a_post_never() {
		this.circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("panels").reset();
		panels.stop();
		try {
			int before = connectionAttemptsTo(panels);
			HttpResponse<String> get = client().get("/api/panels/v1/panels/refused-get");
			int afterGet = connectionAttemptsTo(panels);
			HttpResponse<String> post = client().postJson("/api/panels/v1/panels/refused-post", "{}");
			int afterPost = connectionAttemptsTo(panels);

			assertThat(get.statusCode()).isEqualTo(503);
			assertThat(afterGet - before).as("connections tried for the GET").isEqualTo(2);
			assertThat(post.statusCode()).isEqualTo(503);
			assertThat(afterPost - afterGet).as("connections tried for the POST").isEqualTo(1);
		}
		finally {
			panels.restart();
		}
	}

	@Test
	void a_failed_post_is_never_retried() {
		registry.failNext("/v1/provisions/retry-post", 1);

		HttpResponse<String> response = client().postJson("/api/registry/v1/provisions/retry-post", "{}");

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(registry.requestsTo("/v1/provisions/retry-post")).hasSize(1);
	}

}
