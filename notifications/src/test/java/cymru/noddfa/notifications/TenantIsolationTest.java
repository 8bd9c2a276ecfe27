package cymru.noddfa.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nobody sees or changes what isn't theirs, by any route: a provider's subscriptions and
 * alerts against another provider (by id, in lists, by removal, by naming it when
 * subscribing, by acknowledging), a region's contacts, alerts and referral notifications
 * against another region, and what a provider's webhook hears.
 */
class TenantIsolationTest extends ServiceTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final String ours = "iso-ours-" + this.suffix;

	private final String theirs = "iso-theirs-" + this.suffix;

	private final String region = "IS" + letters(4);

	private final String ourUnit = "iso-unit-" + UUID.randomUUID();

	private final String theirUnit = "iso-unit-" + UUID.randomUUID();

	@Test
	void a_provider_cannot_see_remove_or_subscribe_as_another_provider() {
		owned(this.ourUnit, this.ours);
		RestTestClient us = as(identity.provider(this.ours));
		RestTestClient them = as(identity.provider(this.theirs));
		String id = this.json
			.readTree(subscribe(us, "{\"channel\": \"WEBHOOK\", \"url\": \"http://127.0.0.1:9/ours\"}"))
			.get("id")
			.asString();

		them.get().uri("/v1/subscriptions/{id}", id).exchange().expectStatus().isForbidden();
		them.get()
			.uri("/v1/subscriptions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '%s')]".formatted(id))
			.isEmpty();
		them.delete().uri("/v1/subscriptions/{id}", id).exchange().expectStatus().isForbidden();
		refused(them, "{\"providerId\": \"%s\", \"channel\": \"WEBHOOK\", \"url\": \"http://127.0.0.1:9/x\"}"
			.formatted(this.ours));
		refused(them, "{\"provisionId\": \"%s\", \"channel\": \"WEBHOOK\", \"url\": \"http://127.0.0.1:9/x\"}"
			.formatted(this.ourUnit));
		as(identity.crisisTeam(this.region)).get()
			.uri("/v1/subscriptions/{id}", id)
			.exchange()
			.expectStatus()
			.isForbidden();

		us.get()
			.uri("/v1/subscriptions/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.providerId")
			.isEqualTo(this.ours);
		us.get()
			.uri("/v1/subscriptions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1);
		us.delete().uri("/v1/subscriptions/{id}", id).exchange().expectStatus().isNoContent();
	}

	@Test
	void a_crisis_teams_subscription_is_its_regions_and_another_region_is_refused() {
		RestTestClient team = as(identity.crisisTeam(this.region));
		String created = subscribe(team, "{\"channel\": \"WEBHOOK\", \"url\": \"http://127.0.0.1:9/team\"}");
		assertThat(this.json.readTree(created).get("regionCode").asString()).isEqualTo(this.region);
		String id = this.json.readTree(created).get("id").asString();
		as(identity.panel(this.region)).get().uri("/v1/subscriptions/{id}", id).exchange().expectStatus().isOk();
		as(identity.panel("Z" + this.region)).get()
			.uri("/v1/subscriptions/{id}", id)
			.exchange()
			.expectStatus()
			.isForbidden();
		refused(as(identity.crisisTeam("Z" + this.region)),
				"{\"regionCode\": \"%s\", \"channel\": \"WEBHOOK\", \"url\": \"http://127.0.0.1:9/x\"}"
					.formatted(this.region));
		refused(team, "{\"providerId\": \"%s\", \"channel\": \"WEBHOOK\", \"url\": \"http://127.0.0.1:9/x\"}"
			.formatted(this.ours));
		team.delete().uri("/v1/subscriptions/{id}", id).exchange().expectStatus().isNoContent();
	}

	@Test
	void an_alert_is_for_its_audience_only() {
		owned(this.ourUnit, this.ours);
		String referral = UUID.randomUUID().toString();
		String hold = alert(referral, "HoldPlaced", this.ourUnit);
		String escalation = alert(referral, "ReferralEscalated", "iso-elsewhere");

		for (String token : new String[] { identity.provider(this.theirs), identity.panel(this.region),
				identity.crisisTeam(this.region) }) {
			as(token).get().uri("/v1/alerts/{id}", hold).exchange().expectStatus().isForbidden();
			as(token).post().uri("/v1/alerts/{id}/acknowledgement", hold).exchange().expectStatus().isForbidden();
		}
		as(identity.provider(this.theirs)).get()
			.uri("/v1/alerts")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '%s')]".formatted(hold))
			.isEmpty();
		as(identity.crisisTeam(this.region)).get()
			.uri("/v1/alerts?region={r}", this.region)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '%s' || @.id == '%s')]".formatted(hold, escalation))
			.isEmpty();
		as(identity.panel("Z" + this.region)).get()
			.uri("/v1/alerts?region={r}", this.region)
			.exchange()
			.expectStatus()
			.isForbidden();
		as(identity.panel("Z" + this.region)).get()
			.uri("/v1/alerts/{id}", escalation)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.get()
			.uri("/v1/alerts/{id}", hold)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.acknowledgedAt")
			.doesNotExist();

		as(identity.panel(this.region)).get()
			.uri("/v1/alerts")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '%s')].audience".formatted(escalation))
			.isEqualTo("PANEL");
		as(identity.provider(this.ours)).post()
			.uri("/v1/alerts/{id}/acknowledgement", hold)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.acknowledgedBy")
			.isEqualTo("test:provider:" + this.ours);
	}

	@Test
	void a_regions_contacts_and_referral_notifications_stay_in_the_region() {
		String contact = contact("""
				{"name": "Duty", "role": "CRISIS_TEAM", "regionCode": "%s",
				 "channels": [{"channel": "EMAIL", "address": "iso-%s@team.example"}]}
				""".formatted(this.region, this.suffix));
		String referral = UUID.randomUUID().toString();
		alert(referral, "HoldAccepted", "iso-elsewhere");

		RestTestClient team = as(identity.crisisTeam(this.region));
		team.get().uri("/v1/contacts/{id}", contact).exchange().expectStatus().isOk();
		team.get()
			.uri("/v1/contacts")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '%s')].name".formatted(contact))
			.isEqualTo("Duty");
		team.get().uri("/v1/notifications?referral={id}", referral).exchange().expectStatus().isOk();

		RestTestClient otherTeam = as(identity.crisisTeam("Z" + this.region));
		otherTeam.get().uri("/v1/contacts/{id}", contact).exchange().expectStatus().isForbidden();
		otherTeam.get().uri("/v1/contacts?region={r}", this.region).exchange().expectStatus().isForbidden();
		otherTeam.get()
			.uri("/v1/contacts")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '%s')]".formatted(contact))
			.isEmpty();
		otherTeam.get().uri("/v1/notifications?referral={id}", referral).exchange().expectStatus().isForbidden();
		as(identity.panel("Z" + this.region)).get()
			.uri("/v1/notifications?referral={id}", referral)
			.exchange()
			.expectStatus()
			.isForbidden();
		as(identity.provider(this.ours)).get()
			.uri("/v1/notifications?referral={id}", referral)
			.exchange()
			.expectStatus()
			.isForbidden();
		as(identity.panel(this.region)).get().uri("/v1/contacts").exchange().expectStatus().isForbidden();
		as(identity.provider(this.ours)).delete()
			.uri("/v1/contacts/{id}", contact)
			.exchange()
			.expectStatus()
			.isForbidden();
		team.delete().uri("/v1/contacts/{id}", contact).exchange().expectStatus().isForbidden();
		team.get().uri("/v1/contacts/{id}", contact).exchange().expectStatus().isOk();
	}

	@Test
	void a_providers_webhook_hears_only_about_its_own_provisions() {
		owned(this.ourUnit, this.ours);
		owned(this.theirUnit, this.theirs);
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			String id = this.json
				.readTree(subscribe(as(identity.provider(this.ours)),
						"{\"channel\": \"WEBHOOK\", \"url\": \"%s\"}".formatted(receiver.url("/ours"))))
				.get("id")
				.asString();
			try {
				String referral = UUID.randomUUID().toString();
				UUID created = UUID.randomUUID();
				ReferralEvents.publish(created, "ReferralCreated", referral,
						ReferralEvents.referralCreated(created, referral, this.region, this.region + "-0002"));
				UUID theirHold = UUID.randomUUID();
				ReferralEvents.publish(theirHold, "HoldPlaced", referral, ReferralEvents.event(theirHold, "HoldPlaced",
						referral, this.region, this.region + "-0002", this.theirUnit));
				UUID ourHold = UUID.randomUUID();
				ReferralEvents.publish(ourHold, "HoldPlaced", referral, ReferralEvents.event(ourHold, "HoldPlaced",
						referral, this.region, this.region + "-0002", this.ourUnit));

				await().atMost(Duration.ofSeconds(10))
					.until(() -> receiver.requestsTo("/ours")
						.stream()
						.anyMatch((request) -> ourHold.toString().equals(request.header("ce-id"))));
				// the events are on one partition, in order, and each is planned for
				// delivery as it is consumed: once ours is out, nothing else was planned
				assertThat(this.jdbc.sql("select event_id from deliveries where subscription_id = ?")
					.param(UUID.fromString(id))
					.query(String.class)
					.list()).containsExactly(ourHold.toString());
			}
			finally {
				as(identity.provider(this.ours)).delete().uri("/v1/subscriptions/{id}", id).exchange();
			}
		}
	}

	@Test
	void a_replayed_state_tells_the_provider_of_a_provision_seen_before_providers_were_kept() {
		// as a deployment that ran before this service kept providers left it
		this.jdbc.sql("insert into provisions_seen (provision_id, version) values (?, 5)").param(this.ourUnit).update();

		ReferralEvents.provisionState(this.ourUnit, 5, this.ours, this.region, Instant.now());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select provider_id from provision_owners where provision_id = ?")
				.param(this.ourUnit)
				.query(String.class)
				.optional()
				.isPresent());
		// an older state naming another provider changes no provider already known
		ReferralEvents.provisionState(this.ourUnit, 4, this.theirs, this.region, Instant.now());
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(3))
			.until(() -> this.ours
				.equals(this.jdbc.sql("select provider_id from provision_owners where provision_id = ?")
					.param(this.ourUnit)
					.query(String.class)
					.single()));
	}

	private void owned(String provision, String provider) {
		ReferralEvents.provisionState(provision, 1, provider, this.region, Instant.now());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from provision_owners where provision_id = ?")
				.param(provision)
				.query(Integer.class)
				.single() == 1);
	}

	private String alert(String referral, String type, String provision) {
		UUID eventId = UUID.randomUUID();
		ReferralEvents.publish(eventId, type, referral,
				ReferralEvents.event(eventId, type, referral, this.region, this.region + "-0001", provision));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from alerts where event_id = ?")
				.param(eventId)
				.query(Integer.class)
				.single() == 1);
		return this.jdbc.sql("select id from alerts where event_id = ?").param(eventId).query(String.class).single();
	}

	private static String subscribe(RestTestClient client, String body) {
		return client.post()
			.uri("/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseBody();
	}

	private static void refused(RestTestClient client, String body) {
		client.post()
			.uri("/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private static String letters(int count) {
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < count; i++) {
			letters.append((char) ('A' + (int) (Math.random() * 26)));
		}
		return letters.toString();
	}

}
