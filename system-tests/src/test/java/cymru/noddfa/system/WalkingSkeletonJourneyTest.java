package cymru.noddfa.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cymru.noddfa.infra.PostgresServer;
import cymru.noddfa.stack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thin slice, end to end and through the gateway only: a provider's vacancy reaches a
 * crisis team's search, and a team's referral reaches a subscriber's webhook.
 */
class WalkingSkeletonJourneyTest {

	private static final String SEARCH_FROM_BRIDGEND = "/api/matching/v1/searches?place=Bridgend&regionCode=CTM&age=14"
			+ "&sex=FEMALE&bedType=CRISIS&needs=MH_CRISIS";

	static Stack stack;

	static Api admin;

	static Api provider;

	static Api crisisTeam;

	@BeforeAll
	static void startTheStack() {
		stack = RunningStack.get();
		Api anonymous = new Api(stack.gatewayUrl());
		DevTokens tokens = new DevTokens(anonymous);
		admin = anonymous.as(tokens.admin());
		provider = anonymous.as(tokens.provider(Provisions.PROVIDER));
		crisisTeam = anonymous.as(tokens.crisisTeam("CTM"));
	}

	@Test
	void a_free_crisis_bed_near_bridgend_is_found_within_two_seconds_and_disappears_when_taken() {
		String id = Provisions.newId("bridgend-journey");

		Api.Response created = admin.post("/api/registry/v1/provisions", Provisions.crisisUnitNearBridgend(id, 1, 1));
		long writtenAt = System.nanoTime();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);

		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(25))
			.until(() -> candidate(id).isPresent());
		long visibleAfterMs = (System.nanoTime() - writtenAt) / 1_000_000;
		JsonNode found = candidate(id).orElseThrow();
		assertThat(found.get("distanceKm").asDouble()).isBetween(0.0, 5.0);
		assertThat(found.get("inRegion").asBoolean()).isTrue();
		System.out.printf("New vacancy visible in search %d ms after the write%n", visibleAfterMs);

		Api.Response taken = provider.put("/api/registry/v1/provisions/" + id + "/vacancies/CRISIS",
				Provisions.vacancy(1, 0), Map.of("If-Match", created.header("ETag")));
		assertThat(taken.status()).as(taken.toString()).isEqualTo(200);

		await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(25)).until(() -> candidate(id).isEmpty());
	}

	@Test
	void a_referral_reaches_a_subscribed_webhook_and_the_delivery_is_recorded() throws Exception {
		try (WebhookReceiver webhook = new WebhookReceiver()) {
			Api.Response subscription = crisisTeam.post("/api/notifications/v1/subscriptions",
					Map.of("regionCode", "CTM", "eventTypes", List.of("ReferralCreated"), "channel", "WEBHOOK", "url",
							webhook.url("/crisis-team")));
			assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);

			Api.Response referral = crisisTeam.post("/api/matching/v1/referrals",
					Map.of("reference", "CTM-" + System.nanoTime() % 100000, "regionCode", "CTM", "age", 14, "sex",
							"FEMALE", "needs", List.of("MH_CRISIS"), "currentSetting", "A_AND_E", "place", "Bridgend",
							"bedType", "CRISIS"));
			assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
			String referralId = referral.json().get("id").asString();

			await().atMost(Duration.ofSeconds(10))
				.until(() -> webhook.calls().stream().anyMatch((call) -> call.body().contains(referralId)));
			WebhookReceiver.Call call = webhook.calls()
				.stream()
				.filter((c) -> c.body().contains(referralId))
				.findFirst()
				.orElseThrow();
			String cloudEventId = call.headers().get("ce-id");
			assertThat(cloudEventId).isNotBlank();

			await().atMost(Duration.ofSeconds(10)).until(() -> deliveredRecords(cloudEventId) == 1);
			Api.Response log = crisisTeam.get("/api/notifications/v1/notifications?referral=" + referralId);
			assertThat(log.status()).as(log.toString()).isEqualTo(200);
			assertThat(log.body()).contains(cloudEventId);
		}
	}

	private static Optional<JsonNode> candidate(String provisionId) {
		Api.Response search = crisisTeam.get(SEARCH_FROM_BRIDGEND);
		assertThat(search.status()).as(search.toString()).isEqualTo(200);
		for (JsonNode candidate : search.json().get("candidates")) {
			if (candidate.get("provisionId").asString().equals(provisionId)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/**
	 * Read straight from the notifications service's own database, as an operator would.
	 */
	private static int deliveredRecords(String cloudEventId) throws Exception {
		String url = stack.infrastructure().postgres().jdbcUrl("notifications");
		try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
				PreparedStatement query = connection.prepareStatement(
						"select count(*) from deliveries where event_id = ?::uuid and status = 'DELIVERED'")) {
			query.setString(1, cloudEventId);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

}
