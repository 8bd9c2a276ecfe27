package cymru.noddfa.notifications.webhook;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

	private static final Instant now = Instant.parse("2026-11-23T02:00:00Z");

	private static final Duration window = Duration.ofMinutes(5);

	@Test
	void a_receiver_accepts_an_untouched_message_within_the_replay_window() {
		String secret = WebhookSignature.newSecret();
		long timestamp = now.getEpochSecond();
		String body = "{\"reference\":\"CTM-0042\"}";
		String signature = WebhookSignature.sign(secret, timestamp, body);

		assertThat(WebhookSignature.verify(secret, String.valueOf(timestamp), body, signature, now.plusSeconds(30),
				window))
			.isTrue();
	}

	@Test
	void a_tampered_body_a_moved_timestamp_another_secret_or_a_replay_fails() {
		String secret = WebhookSignature.newSecret();
		long timestamp = now.getEpochSecond();
		String body = "{\"reference\":\"CTM-0042\"}";
		String signature = WebhookSignature.sign(secret, timestamp, body);

		assertThat(WebhookSignature.verify(secret, String.valueOf(timestamp), "{\"reference\":\"CTM-0043\"}", signature,
				now, window))
			.isFalse();
		assertThat(WebhookSignature.verify(secret, String.valueOf(timestamp + 1), body, signature, now, window))
			.isFalse();
		assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), String.valueOf(timestamp), body, signature,
				now, window))
			.isFalse();
		assertThat(WebhookSignature.verify(secret, String.valueOf(timestamp), body, signature, now.plusSeconds(301),
				window))
			.isFalse();
	}

	@Test
	void secrets_are_new_each_time() {
		assertThat(WebhookSignature.newSecret()).isNotEqualTo(WebhookSignature.newSecret());
	}

}
