package cymru.noddfa.notifications;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who did what, when, from which request: every write, every read of a referral's
 * notifications and every refusal is in the trail, which only admins read.
 */
class AuditTrailTest extends ServiceTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_write_a_read_of_a_referrals_notifications_and_a_refusal_are_in_the_trail() {
		String region = "AU" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase().substring(0, 4);
		String referral = UUID.randomUUID().toString();
		UUID eventId = UUID.randomUUID();
		ReferralEvents.publish(eventId, "ReferralCreated", referral,
				ReferralEvents.referralCreated(eventId, referral, region, region + "-0001"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from referral_regions where referral_id = ?")
				.param(referral)
				.query(Integer.class)
				.single() == 1);
		String written = "audit-" + UUID.randomUUID();
		String read = "audit-" + UUID.randomUUID();
		String refused = "audit-" + UUID.randomUUID();

		String created = as(identity.crisisTeam(region)).post()
			.uri("/v1/subscriptions")
			.header("Content-Type", "application/json")
			.header("X-Request-Id", written)
			.body("{\"eventTypes\": [\"PlacementEnded\"], \"channel\": \"WEBHOOK\", \"url\": \"http://127.0.0.1:9/a\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseBody();
		String subscription = this.json.readTree(created).get("id").asString();
		as(identity.panel(region)).get()
			.uri("/v1/notifications?referral={id}", referral)
			.header("X-Request-Id", read)
			.exchange()
			.expectStatus()
			.isOk();
		as(identity.crisisTeam("ZZ" + region)).get()
			.uri("/v1/notifications?referral={id}", referral)
			.header("X-Request-Id", refused)
			.exchange()
			.expectStatus()
			.isForbidden();
		as(identity.provider("audit-provider")).delete()
			.uri("/v1/subscriptions/{id}", subscription)
			.header("X-Request-Id", refused)
			.exchange()
			.expectStatus()
			.isForbidden();

		JsonNode write = entry(trail("?subject=test:crisis-team:" + region), written);
		assertThat(write.get("roles").asString()).isEqualTo("CRISIS_TEAM");
		assertThat(write.get("tenant").asString()).isEqualTo(region);
		assertThat(write.get("method").asString()).isEqualTo("POST");
		assertThat(write.get("path").asString()).isEqualTo("/v1/subscriptions");
		assertThat(write.get("status").asInt()).isEqualTo(201);
		assertThat(write.get("at").asString()).isNotBlank();

		JsonNode reads = trail("?path=/v1/notifications");
		JsonNode looked = entry(reads, read);
		assertThat(looked.get("subject").asString()).isEqualTo("test:panel:" + region);
		assertThat(looked.get("method").asString()).isEqualTo("GET");
		assertThat(looked.get("query").asString()).isEqualTo("referral=" + referral);
		assertThat(looked.get("status").asInt()).isEqualTo(200);
		JsonNode refusedRead = entry(reads, refused);
		assertThat(refusedRead.get("subject").asString()).isEqualTo("test:crisis-team:ZZ" + region);
		assertThat(refusedRead.get("status").asInt()).isEqualTo(403);

		JsonNode refusedDelete = entry(trail("?subject=test:provider:audit-provider"), refused);
		assertThat(refusedDelete.get("method").asString()).isEqualTo("DELETE");
		assertThat(refusedDelete.get("status").asInt()).isEqualTo(403);

		this.http.delete().uri("/v1/subscriptions/{id}", subscription).exchange().expectStatus().isNoContent();
	}

	@Test
	void only_admins_read_the_trail() {
		this.http.get().uri("/v1/audit?limit=1").exchange().expectStatus().isOk();
		as(identity.provider("test-provider")).get().uri("/v1/audit").exchange().expectStatus().isForbidden();
		as(identity.crisisTeam("CTM")).get().uri("/v1/audit").exchange().expectStatus().isForbidden();
		as(identity.panel("CTM")).get().uri("/v1/audit").exchange().expectStatus().isForbidden();
		anonymous().get().uri("/v1/audit").exchange().expectStatus().isUnauthorized();
	}

	private JsonNode trail(String query) {
		return this.json.readTree(this.http.get()
			.uri("/v1/audit" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody());
	}

	private static JsonNode entry(JsonNode trail, String requestId) {
		for (JsonNode entry : trail) {
			if (requestId.equals(entry.get("requestId").asString())) {
				return entry;
			}
		}
		throw new AssertionError("no audit entry with request id " + requestId + " in " + trail);
	}

}
