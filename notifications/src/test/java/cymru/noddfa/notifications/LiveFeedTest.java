package cymru.noddfa.notifications;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LiveFeedTest extends ServiceTest {

	@Test
	void a_match_available_alert_reaches_a_connected_crisis_team_user_and_not_a_user_of_another_region()
			throws Exception {
		String ours = "LF" + letters();
		String theirs = "LG" + letters();
		HttpClient client = HttpClient.newHttpClient();
		try {
			List<String> ourFeed = connect(client, ours, "clinician-1");
			List<String> theirFeed = connect(client, theirs, "clinician-2");

			// the feed starts from the newest record: wait until it is listening
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
				String referral = UUID.randomUUID().toString();
				UUID probe = UUID.randomUUID();
				ReferralEvents.publish(probe, "ReferralCreated", referral,
						ReferralEvents.referralCreated(probe, referral, ours, "PROBE"));
				return ourFeed.stream().anyMatch((line) -> line.contains("PROBE"));
			});

			UUID eventId = UUID.randomUUID();
			String referral = UUID.randomUUID().toString();
			ReferralEvents.publish(eventId, "MatchAvailable", referral,
					ReferralEvents.event(eventId, "MatchAvailable", referral, ours, ours + "-0042", "bridgend-hub"));
			UUID otherEvent = UUID.randomUUID();
			String otherReferral = UUID.randomUUID().toString();
			ReferralEvents.publish(otherEvent, "MatchAvailable", otherReferral, ReferralEvents.event(otherEvent,
					"MatchAvailable", otherReferral, theirs, theirs + "-0001", "newport-unit"));

			await().atMost(Duration.ofSeconds(5))
				.until(() -> ourFeed.contains("id:" + eventId) && theirFeed.contains("id:" + otherEvent));
			int at = ourFeed.indexOf("id:" + eventId);
			assertThat(ourFeed.get(at + 1)).isEqualTo("event:MatchAvailable");
			assertThat(ourFeed.get(at + 2)).startsWith("data:")
				.contains("\"reference\":\"" + ours + "-0042\"")
				.contains("a suitable bed is now free")
				.contains("mae gwely addas yn rhydd nawr");
			assertThat(theirFeed).noneMatch((line) -> line.contains(ours));
			assertThat(ourFeed).noneMatch((line) -> line.contains(theirs));
		}
		finally {
			// the streams never end by themselves: close them without waiting
			client.shutdownNow();
		}
	}

	@Test
	void the_feed_needs_a_region_and_a_user() {
		this.http.get()
			.uri("/v1/feed?user=someone")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("region");
	}

	private List<String> connect(HttpClient client, String region, String user) {
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/feed?region=" + region + "&user=" + user))
			.header("Accept", "text/event-stream")
			.build();
		client.sendAsync(request, HttpResponse.BodyHandlers.ofLines())
			.thenAccept((response) -> consume(response.body(), lines));
		await().atMost(Duration.ofSeconds(5)).until(() -> lines.contains(":connected"));
		return lines;
	}

	private static void consume(Stream<String> body, List<String> lines) {
		Thread.ofVirtual().start(() -> body.forEach(lines::add));
	}

	private static String letters() {
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			letters.append((char) ('A' + (int) (Math.random() * 26)));
		}
		return letters.toString();
	}

}
