package cymru.noddfa.notifications.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cymru.noddfa.notifications.ServiceTest;
import cymru.noddfa.notifications.message.BilingualText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances and one delivery: the first claims it and outlives its lease, the second
 * claims it again. Whatever the first attempt then reports changes nothing.
 */
class FencedClaimsTest extends ServiceTest {

	@Autowired
	DeliveryRepository deliveries;

	@Autowired
	FollowUpScheduler followUps;

	@Autowired
	DeliveryScheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void onlyThisTestClaims() {
		this.scheduler.loop().stop(Duration.ofSeconds(15));
	}

	@AfterEach
	void schedulerBack() {
		this.scheduler.loop().start();
	}

	@Test
	void an_attempt_that_outlived_its_lease_cannot_mark_the_new_claim_delivered_or_reschedule_it() {
		UUID eventId = UUID.randomUUID();
		Notification notification = new Notification(eventId, "HoldDeclined", UUID.randomUUID().toString(), "FC-1",
				"FCX", null, Instant.now(), new BilingualText("en", "cy"));
		assertThat(this.deliveries.plan(notification,
				Recipient.contact(UUID.randomUUID(), null, Channel.SMS, 0, "+447700900002"), 3, Instant.now()))
			.isTrue();

		DeliveryRepository.Due first = claimed(eventId, Duration.ofMillis(300));
		// the lease runs out while the first attempt is still under way; a second claimer
		// takes the delivery
		DeliveryRepository.Due second = claimed(eventId, Duration.ofSeconds(60));
		assertThat(second.claimToken()).isNotEqualTo(first.claimToken());

		Instant late = Instant.now();
		this.followUps.record(first, Sent.delivered(200), late.minusSeconds(1), late);
		this.followUps.record(first, Sent.failed(500, "receiver answered 500"), late.minusSeconds(1), late);
		Map<String, Object> row = row(eventId);
		assertThat(row.get("status")).isEqualTo("PENDING");
		assertThat(row.get("attempts")).isEqualTo(0);
		assertThat(((java.sql.Timestamp) row.get("next_attempt_at")).toInstant())
			.isAfter(Instant.now().plusSeconds(50));
		assertThat(attempts(eventId)).isZero();

		// the claim that holds decides
		this.followUps.record(second, Sent.delivered(200), late, Instant.now());
		assertThat(row(eventId).get("status")).isEqualTo("DELIVERED");
		assertThat(attempts(eventId)).isEqualTo(1);
	}

	private DeliveryRepository.Due claimed(UUID eventId, Duration lease) {
		DeliveryRepository.Due[] found = new DeliveryRepository.Due[1];
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
			List<DeliveryRepository.Due> due = this.deliveries.claim(50, lease);
			found[0] = due.stream().filter((d) -> d.eventId().equals(eventId)).findFirst().orElse(null);
			return found[0] != null;
		});
		return found[0];
	}

	private Map<String, Object> row(UUID eventId) {
		return this.jdbc.sql("select status, attempts, next_attempt_at from deliveries where event_id = ?")
			.param(eventId)
			.query()
			.singleRow();
	}

	private long attempts(UUID eventId) {
		return this.jdbc.sql("""
				select count(*) from delivery_attempts a join deliveries d on d.id = a.delivery_id
				where d.event_id = ?
				""").param(eventId).query(Long.class).single();
	}

}
