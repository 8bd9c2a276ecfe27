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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConcurrencyTests extends GatewayTest {

	@Test
	void many_requests_in_flight_at_once_all_reach_the_service_and_none_is_refused() throws Exception {
		String path = "/v1/concurrency-" + System.nanoTime();
		int inFlight = 60;
		CountDownLatch answers = registry.holdAnswers(path);
		List<Future<HttpResponse<String>>> responses = new ArrayList<>();
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < inFlight; i++) {
				// each caller from its own address, so no rate limit is involved
				GatewayClient client = client();
				responses.add(callers.submit(() -> client.get("/api/registry" + path)));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> registry.requestsTo(path).size() == inFlight);
			answers.countDown();
			for (Future<HttpResponse<String>> response : responses) {
				assertThat(response.get().statusCode()).isEqualTo(200);
			}
		}
	}

}
