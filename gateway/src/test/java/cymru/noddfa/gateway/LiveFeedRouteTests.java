package cymru.noddfa.gateway;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiveFeedRouteTests extends GatewayTest {

	@Test
	void the_live_feed_outlasts_a_silence_longer_than_an_ordinary_routes_response_timeout() throws Exception {
		// the notifications route times out after 800 ms of silence in these tests
		GatewayClient client = client();
		HttpResponse<java.util.stream.Stream<String>> response = client.http()
			.send(client.request("/api/notifications" + StubService.FEED)
				.header("Accept", "text/event-stream")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofLines());

		assertThat(response.statusCode()).isEqualTo(200);
		List<String> events = response.body().filter((line) -> line.startsWith("data:")).collect(Collectors.toList());
		assertThat(events).containsExactly("data: first", "data: second");
	}

}
