package cymru.noddfa.notifications.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import cymru.noddfa.notifications.ReferralEvents;
import cymru.noddfa.notifications.ServiceTest;
import cymru.noddfa.notifications.WebhookReceiver;
import cymru.noddfa.notifications.webhook.SigningSecrets;
import cymru.noddfa.notifications.webhook.WebhookSignature;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhook signing secrets are stored sealed, and webhooks are still signed with them. */
class SealedSecretsTest extends ServiceTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecretSealingJob sealing;

	@Autowired
	SigningSecrets secrets;

	@Test
	void the_stored_secret_is_sealed_and_signatures_still_verify_with_the_one_shown_at_creation() {
		String region = region();
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			String created = subscribe("""
					{"regionCode": "%s", "channel": "WEBHOOK", "url": "%s"}
					""".formatted(region, receiver.url("/hook")));
			String id = JsonMapper.builder().build().readTree(created).get("id").asString();
			String secret = JsonMapper.builder().build().readTree(created).get("secret").asString();

			Map<String, Object> row = row(UUID.fromString(id));
			assertThat(row.get("secret")).isNull();
			assertThat(new String((byte[]) row.get("secret_sealed"), StandardCharsets.ISO_8859_1))
				.doesNotContain(secret)
				.doesNotContain(secret.substring("whsec_".length()));
			assertThat(((Number) row.get("secret_key_id")).intValue()).isEqualTo(this.secrets.primaryKeyId());

			assertSignedWith(secret, region, receiver);
		}
	}

	@Test
	void a_plaintext_secret_from_before_is_sealed_and_cleared_and_still_signs() {
		String region = region();
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			// an id below 80000000-…: the ones a signed "smallest uuid" cursor once
			// skipped
			UUID random = UUID.randomUUID();
			UUID id = new UUID(random.getMostSignificantBits() & Long.MAX_VALUE, random.getLeastSignificantBits());
			String secret = WebhookSignature.newSecret();
			this.jdbc.sql("""
					insert into subscriptions (id, region_code, event_types, channel, url, secret, created_at)
					values (?, ?, '{}', 'WEBHOOK', ?, ?, now())
					""").params(id, region, receiver.url("/hook"), secret).update();

			assertThat(this.sealing.sealAll()).isPositive();
			Map<String, Object> row = row(id);
			assertThat(row.get("secret")).isNull();
			assertThat(this.secrets.open((byte[]) row.get("secret_sealed"), id)).isEqualTo(secret);
			// done once: nothing is left to seal
			assertThat(this.sealing.sealAll()).isZero();

			assertSignedWith(secret, region, receiver);
			this.http.delete().uri("/v1/subscriptions/{id}", id).exchange().expectStatus().isNoContent();
		}
	}

	private void assertSignedWith(String secret, String region, WebhookReceiver receiver) {
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();
		ReferralEvents.publish(eventId, "HoldDeclined", referral,
				ReferralEvents.event(eventId, "HoldDeclined", referral, region, region + "-1", "some-unit"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> receiver.requests().stream().anyMatch((r) -> eventId.toString().equals(r.header("ce-id"))));
		WebhookReceiver.Request hook = receiver.requests()
			.stream()
			.filter((r) -> eventId.toString().equals(r.header("ce-id")))
			.findFirst()
			.orElseThrow();
		assertThat(WebhookSignature.verify(secret, hook.header(WebhookSignature.TIMESTAMP_HEADER), hook.body(),
				hook.header(WebhookSignature.SIGNATURE_HEADER), Instant.now(), Duration.ofMinutes(5)))
			.isTrue();
	}

	private Map<String, Object> row(UUID id) {
		return this.jdbc.sql("select secret, secret_sealed, secret_key_id from subscriptions where id = ?")
			.param(id)
			.query()
			.singleRow();
	}

	private static String region() {
		return "SS" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26));
	}

}
