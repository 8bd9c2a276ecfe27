package cymru.noddfa.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveFeedRouteTests extends GatewayTest {

	@Test
	void the_live_feed_outlasts_a_silence_longer_than_an_ordinary_routes_response_timeout() throws Exception {
		// the notifications route times out after 800 ms of silence in these tests
		HttpResponse<java.util.stream.Stream<String>> response = openFeed();

		assertThat(response.statusCode()).isEqualTo(200);
		List<String> events = response.body().filter((line) -> line.startsWith("data:")).collect(Collectors.toList());
		assertThat(events).containsExactly("data: first", "data: second");
	}

	@Test
	void each_event_of_the_live_feed_is_passed_on_as_it_comes_not_when_the_stream_ends() throws Exception {
		HttpResponse<java.util.stream.Stream<String>> response = openFeed();

		Map<String, Long> arrived = new LinkedHashMap<>();
		response.body()
			.filter((line) -> line.startsWith("data:"))
			.forEach((line) -> arrived.put(line, System.nanoTime()));
		// the service sends the second event a silence after the first: a buffering
		// gateway would hand both over together
		assertThat(Duration.ofNanos(arrived.get("data: second") - arrived.get("data: first")))
			.isGreaterThan(StubService.FEED_SILENCE.dividedBy(2));
	}

	/**
	 * The stub service's live feed through the gateway, read line by line as it comes.
	 */
	private HttpResponse<java.util.stream.Stream<String>> openFeed() throws Exception {
		GatewayClient client = client();
		return client.http()
			.send(client.request("/api/notifications" + StubService.FEED)
				.header("Accept", "text/event-stream")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofLines());
	}

}
