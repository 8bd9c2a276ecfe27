package cymru.noddfa.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notification log of a referral shows each reader the targets it owns and only a
 * masked form of the others'.
 */
class RedactedTargetsTest extends ServiceTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_crisis_team_sees_its_own_targets_and_only_masked_forms_of_the_providers() {
		String region = "RD" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26));
		String provider = "provider-" + UUID.randomUUID();
		String provision = "unit-" + UUID.randomUUID();
		String duty = "duty-" + UUID.randomUUID() + "@provider.example";
		String teamPhone = "+4477005" + (10000 + (int) (Math.random() * 89999));
		ReferralEvents.provisionState(provision, 1, provider, region, Instant.now());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from provision_owners where provision_id = ?")
				.param(provision)
				.query(Integer.class)
				.single() == 1);
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			String providerHook = receiver.url("/provider-" + UUID.randomUUID());
			String teamHook = receiver.url("/team-" + UUID.randomUUID());
			subscribe("""
					{"providerId": "%s", "provisionId": "%s", "channel": "WEBHOOK", "url": "%s"}
					""".formatted(provider, provision, providerHook));
			String teamSubscription = as(identity.crisisTeam(region)).post()
				.uri("/v1/subscriptions")
				.header("Content-Type", "application/json")
				.body("""
						{"channel": "WEBHOOK", "url": "%s"}
						""".formatted(teamHook))
				.exchange()
				.expectStatus()
				.isCreated()
				.returnResult(String.class)
				.getResponseBody();
			contact("""
					{"name": "Duty", "role": "PROVIDER", "regionCode": "%s", "provisionId": "%s",
					 "channels": [{"channel": "EMAIL", "address": "%s"}]}
					""".formatted(region, provision, duty));
			contact("""
					{"name": "On call", "role": "CRISIS_TEAM", "regionCode": "%s",
					 "channels": [{"channel": "SMS", "address": "%s"}]}
					""".formatted(region, teamPhone));
			String referral = UUID.randomUUID().toString();
			UUID held = UUID.randomUUID();
			ReferralEvents.publish(held, "HoldPlaced", referral,
					ReferralEvents.event(held, "HoldPlaced", referral, region, region + "-1", provision));
			UUID accepted = UUID.randomUUID();
			ReferralEvents.publish(accepted, "HoldAccepted", referral,
					ReferralEvents.event(accepted, "HoldAccepted", referral, region, region + "-1", provision));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.jdbc.sql("select count(*) from deliveries where referral_id = ?")
					.param(referral)
					.query(Integer.class)
					.single() == 6);

			String seenByTeam = as(identity.crisisTeam(region)).get()
				.uri("/v1/notifications?referral={id}", referral)
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseBody();
			assertThat(seenByTeam).doesNotContain(providerHook)
				.doesNotContain(duty)
				.contains("webhook of provider " + provider)
				.contains("email ••••@provider.example")
				.contains(teamHook)
				.contains(teamPhone);

			String seenByPanel = as(identity.panel(region)).get()
				.uri("/v1/notifications?referral={id}", referral)
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseBody();
			assertThat(seenByPanel).doesNotContain(providerHook)
				.doesNotContain(duty)
				.doesNotContain(teamPhone)
				.contains("sms ••••" + teamPhone.substring(teamPhone.length() - 4))
				// a region's subscription is the region's, its team's and its panel's
				// alike
				.contains(teamHook);

			String seenByAdmin = this.http.get()
				.uri("/v1/notifications?referral={id}", referral)
				.exchange()
				.expectStatus()
				.isOk()
				.returnResult(String.class)
				.getResponseBody();
			assertThat(seenByAdmin).contains(providerHook).contains(duty).contains(teamPhone).contains(teamHook);
			assertThat(teamSubscription).contains("secret");
		}
	}

}
