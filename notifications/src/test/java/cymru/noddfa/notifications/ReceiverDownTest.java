package cymru.noddfa.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReceiverDownTest extends ServiceTest {

	/**
	 * Many times the longest backoff these tests set (3 s): long enough that the attempts
	 * have settled at that backoff and kept failing there, which is what an outage of
	 * minutes is under the production schedule.
	 */
	private static final Duration DOWN_FOR = Duration.ofSeconds(20);

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_message_sent_while_the_receiver_is_down_for_many_backoffs_arrives_once_after_it_returns() {
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			subscribe("""
					{"regionCode": "CAV", "eventTypes": ["HoldPlaced"], "channel": "WEBHOOK", "url": "%s"}
					""".formatted(receiver.url("/cav")));
			receiver.stop();
			Instant down = Instant.now();
			UUID eventId = UUID.randomUUID();
			String referral = UUID.randomUUID().toString();
			ReferralEvents.publish(eventId, "HoldPlaced", referral,
					ReferralEvents.event(eventId, "HoldPlaced", referral, "CAV", "CAV-0001", "cardiff-unit"));

			// attempts keep failing, and are logged, for the whole time it is down
			await().atMost(DOWN_FOR.plusSeconds(30))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> Duration.between(down, Instant.now()).compareTo(DOWN_FOR) >= 0
						&& failedAttempts(eventId) >= 5);
			assertThat(status(eventId)).isEqualTo("PENDING");
			receiver.restart();

			await().atMost(Duration.ofSeconds(15)).until(() -> "DELIVERED".equals(status(eventId)));
			assertThat(receiver.requestsTo("/cav")).hasSize(1);
			assertThat(receiver.requestsTo("/cav").get(0).header("ce-id")).isEqualTo(eventId.toString());
			this.http.get()
				.uri("/v1/notifications?referral={id}", referral)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[0].status")
				.isEqualTo("DELIVERED")
				.jsonPath("$[0].attemptLog[0].outcome")
				.isEqualTo("FAILED")
				.jsonPath("$[0].attemptLog[-1:].outcome")
				.isEqualTo("DELIVERED");
		}
	}

	private long failedAttempts(UUID eventId) {
		return this.jdbc.sql("""
				select count(*) from delivery_attempts a join deliveries d on d.id = a.delivery_id
				where d.event_id = ? and a.outcome = 'FAILED'
				""").param(eventId).query(Long.class).single();
	}

	private String status(UUID eventId) {
		return this.jdbc.sql("select status from deliveries where event_id = ?")
			.param(eventId)
			.query(String.class)
			.single();
	}

}
