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
			List<String> ourFeed = connect(client, identity.crisisTeam(ours), "");
			// the region comes from the token: naming another in the query changes
			// nothing
			List<String> theirFeed = connect(client, identity.crisisTeam(theirs), "?region=" + ours);

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
	void a_provider_hears_about_its_own_provisions_only() throws Exception {
		String region = "LP" + letters();
		String ours = "feed-provider-" + UUID.randomUUID();
		String theirs = "feed-provider-" + UUID.randomUUID();
		String ourUnit = "unit-" + UUID.randomUUID();
		String theirUnit = "unit-" + UUID.randomUUID();
		ReferralEvents.provisionState(ourUnit, 1, ours, region, java.time.Instant.now());
		ReferralEvents.provisionState(theirUnit, 1, theirs, region, java.time.Instant.now());
		HttpClient client = HttpClient.newHttpClient();
		try {
			List<String> ourFeed = connect(client, identity.provider(ours), "");
			List<String> regionFeed = connect(client, identity.panel(region), "");

			// the feed starts from the newest record, and the provisions' owners must be
			// known: wait until a hold on our unit shows
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
				UUID probe = UUID.randomUUID();
				String referral = UUID.randomUUID().toString();
				ReferralEvents.publish(probe, "HoldExpired", referral,
						ReferralEvents.event(probe, "HoldExpired", referral, region, "PROBE", ourUnit));
				return ourFeed.stream().anyMatch((line) -> line.contains("PROBE"));
			});

			UUID ourHold = UUID.randomUUID();
			String ourReferral = UUID.randomUUID().toString();
			ReferralEvents.publish(ourHold, "HoldPlaced", ourReferral,
					ReferralEvents.event(ourHold, "HoldPlaced", ourReferral, region, region + "-0007", ourUnit));
			UUID theirHold = UUID.randomUUID();
			String theirReferral = UUID.randomUUID().toString();
			ReferralEvents.publish(theirHold, "HoldPlaced", theirReferral,
					ReferralEvents.event(theirHold, "HoldPlaced", theirReferral, region, region + "-0008", theirUnit));
			UUID created = UUID.randomUUID();
			String newReferral = UUID.randomUUID().toString();
			ReferralEvents.publish(created, "ReferralCreated", newReferral,
					ReferralEvents.referralCreated(created, newReferral, region, region + "-0009"));

			await().atMost(Duration.ofSeconds(5))
				.until(() -> regionFeed.contains("id:" + theirHold) && regionFeed.contains("id:" + created)
						&& ourFeed.contains("id:" + ourHold));
			assertThat(ourFeed).noneMatch((line) -> line.contains(theirHold.toString()) || line.contains(theirUnit))
				.noneMatch((line) -> line.contains(created.toString()));
		}
		finally {
			client.shutdownNow();
		}
	}

	@Test
	void a_crisis_team_hears_about_a_child_it_referred_from_another_region_and_its_own_panel_does_not()
			throws Exception {
		String home = "LH" + letters();
		String referring = "LR" + letters();
		HttpClient client = HttpClient.newHttpClient();
		try {
			List<String> referringTeam = connect(client, identity.crisisTeam(referring), "");
			List<String> referringPanel = connect(client, identity.panel(referring), "");
			List<String> homePanel = connect(client, identity.panel(home), "");
			String referral = UUID.randomUUID().toString();

			// the feed starts from the newest record: publish until it is listening
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
				UUID eventId = UUID.randomUUID();
				ReferralEvents.publish(eventId, "HoldAccepted", referral,
						ReferralEvents.event(eventId, "HoldAccepted", referral, home, "REFERRED-1", "bridgend-hub")
							.replace("\"regionCode\"",
									"\"referringRegionCode\": \"" + referring + "\", \"regionCode\""));
				return referringTeam.stream().anyMatch((line) -> line.contains("REFERRED-1"));
			});

			await().atMost(Duration.ofSeconds(5))
				.until(() -> homePanel.stream().anyMatch((line) -> line.contains("REFERRED-1")));
			assertThat(referringPanel).noneMatch((line) -> line.contains(referral));
		}
		finally {
			client.shutdownNow();
		}
	}

	@Test
	void a_panel_decision_reaches_the_crisis_team_of_the_childs_region_so_its_referral_page_can_show_it()
			throws Exception {
		String ours = "LD" + letters();
		String theirs = "LE" + letters();
		HttpClient client = HttpClient.newHttpClient();
		try {
			List<String> ourFeed = connect(client, identity.crisisTeam(ours), "");
			List<String> theirFeed = connect(client, identity.crisisTeam(theirs), "");
			String referral = UUID.randomUUID().toString();

			// the feed starts from the newest record: decide until it is listening
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
				decisionRecorded(UUID.randomUUID(), referral, ours);
				return ourFeed.contains("event:DecisionRecorded");
			});

			int at = ourFeed.indexOf("event:DecisionRecorded");
			assertThat(ourFeed.get(at + 1)).startsWith("data:")
				.contains("\"referralId\":\"" + referral + "\"")
				.contains("\"provisionId\":\"bridgend-hub\"")
				.contains("\"regionCode\":\"" + ours + "\"");
			assertThat(theirFeed).noneMatch((line) -> line.contains(referral));
		}
		finally {
			client.shutdownNow();
		}
	}

	private static void decisionRecorded(UUID eventId, String referral, String region) {
		String caseId = UUID.randomUUID().toString();
		ReferralEvents.send("panels.case-events.v1", referral, """
				{"eventId": "%s", "type": "DecisionRecorded", "occurredAt": "%s", "caseId": "%s", "caseVersion": 2,
				 "referralId": "%s", "regionCode": "%s", "decisionId": "%s", "decisionType": "APPROVE_OUT_OF_REGION",
				 "reasonCode": "NO_SUITABLE_BED_IN_REGION", "provisionId": "bridgend-hub"}
				""".formatted(eventId, java.time.Instant.now(), caseId, referral, region, UUID.randomUUID()),
				java.util.Map.of("ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_type",
						"cymru.noddfa.panels.DecisionRecorded.v1", "ce_source", "/noddfa/panels", "ce_subject", caseId,
						"content-type", "application/json"));
	}

	@Test
	void the_feed_needs_a_token_of_a_crisis_team_panel_or_provider() {
		anonymous().get().uri("/v1/feed").exchange().expectStatus().isUnauthorized();
		this.http.get()
			.uri("/v1/feed")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith("application/problem+json");
	}

	private List<String> connect(HttpClient client, String token, String query) {
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/v1/feed" + query))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token)
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
