package cymru.noddfa.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway with a pool of two connections per service, so that two slow answers
 * exhaust it.
 */
@TestPropertySource(properties = { "spring.cloud.gateway.server.webflux.httpclient.pool.max-connections=2",
		"spring.cloud.gateway.server.webflux.httpclient.pool.acquire-timeout=300" })
class ConnectionPoolTests extends GatewayTest {

	@Test
	void a_request_that_finds_the_pool_exhausted_past_its_acquire_timeout_is_a_503_problem_with_retry_after()
			throws Exception {
		String path = "/v1/pool-" + System.nanoTime();
		CountDownLatch answers = registry.holdAnswers(path);
		List<Future<HttpResponse<String>>> holding = new ArrayList<>();
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < 2; i++) {
				GatewayClient client = client();
				holding.add(callers.submit(() -> client.get("/api/registry" + path)));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> registry.requestsTo(path).size() == 2);

			HttpResponse<String> refused = client().get("/api/registry/v1/pool-third");

			answers.countDown();
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
			assertThat(GatewayClient.json(refused).get("type").asString())
				.isEqualTo("https://noddfa.cymru/problems/service-unavailable");
			assertThat(GatewayClient.json(refused).get("service").asString()).isEqualTo("registry");
			assertThat(registry.requestsTo("/v1/pool-third")).as("the service was never asked").isEmpty();
			for (Future<HttpResponse<String>> answered : holding) {
				assertThat(answered.get().statusCode()).isEqualTo(200);
			}
		}
		finally {
			answers.countDown();
		}
	}

}
