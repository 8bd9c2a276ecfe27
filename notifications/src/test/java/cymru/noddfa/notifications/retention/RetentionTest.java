package cymru.noddfa.notifications.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cymru.noddfa.notifications.NotifyStub;
import cymru.noddfa.notifications.ReferralEvents;
import cymru.noddfa.notifications.ServiceTest;
import cymru.noddfa.notifications.WebhookReceiver;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After the retention period a referral's deliveries and alerts keep their counts and
 * times and lose everything else; the job runs here on a clock the test sets.
 */
class RetentionTest extends ServiceTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void deliveries_about_a_referral_are_anonymised_after_the_period_with_counts_and_times_kept() {
		String region = "RT" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26));
		String phone = "+4477004" + (10000 + (int) (Math.random() * 89999));
		NotifyStub.get().answer(phone, 500);
		contact("""
				{"name": "On call", "role": "CRISIS_TEAM", "regionCode": "%s",
				 "channels": [{"channel": "SMS", "address": "%s"}]}
				""".formatted(region, phone));
		String referral = UUID.randomUUID().toString();
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			subscribe("""
					{"regionCode": "%s", "channel": "WEBHOOK", "url": "%s"}
					""".formatted(region, receiver.url("/hook")));
			UUID eventId = UUID.randomUUID();
			ReferralEvents.publish(eventId, "HoldDeclined", referral,
					ReferralEvents.event(eventId, "HoldDeclined", referral, region, region + "-0007", "some-unit"));
			// the webhook is delivered; the only SMS dies after its two failed attempts
			await().atMost(Duration.ofSeconds(20))
				.until(() -> this.jdbc
					.sql("select count(*) from deliveries where referral_id = ? and status <> 'PENDING'")
					.param(referral)
					.query(Integer.class)
					.single() == 2);
		}
		List<Map<String, Object>> before = rows(referral);
		Instant created = ((java.sql.Timestamp) before.get(0).get("created_at")).toInstant();

		job(created.plus(Duration.ofDays(89))).anonymiseDue();
		assertThat(rows(referral)).isEqualTo(before);

		assertThat(job(created.plus(Duration.ofDays(91))).anonymiseDue()).isGreaterThanOrEqualTo(3);
		List<Map<String, Object>> after = rows(referral);
		assertThat(after).hasSize(2).allSatisfy((row) -> {
			assertThat(row.get("target")).isEqualTo("");
			assertThat(row.get("reference")).isNull();
			assertThat(row.get("payload")).isEqualTo("{}");
			assertThat(row.get("last_error")).isNull();
			assertThat(row.get("anonymised_at")).isNotNull();
		});
		for (int i = 0; i < 2; i++) {
			for (String kept : List.of("id", "event_id", "status", "attempts", "created_at", "delivered_at",
					"channel")) {
				assertThat(after.get(i).get(kept)).as(kept).isEqualTo(before.get(i).get(kept));
			}
		}
		assertThat(this.jdbc.sql("""
				select count(*) from delivery_attempts a join deliveries d on d.id = a.delivery_id
				where d.referral_id = ? and a.error is null
				""").param(referral).query(Integer.class).single()).isEqualTo(3);
		Map<String, Object> alert = this.jdbc
			.sql("select reference, payload, created_at from alerts where referral_id = ?")
			.param(referral)
			.query()
			.singleRow();
		assertThat(alert.get("reference")).isNull();
		assertThat(alert.get("payload")).isEqualTo("{}");
		assertThat(alert.get("created_at")).isNotNull();
		assertThat(rows(referral).toString()).doesNotContain(phone).doesNotContain(region + "-0007");
	}

	private RetentionJob job(Instant now) {
		return new RetentionJob(this.jdbc, this.transactions,
				new RetentionProperties(Period.ofDays(90), Duration.ofHours(1)), Clock.fixed(now, ZoneOffset.UTC));
	}

	private List<Map<String, Object>> rows(String referral) {
		return this.jdbc.sql("""
				select id, event_id, channel, status, attempts, created_at, delivered_at, target, reference, payload,
				       last_error, anonymised_at
				from deliveries where referral_id = ? order by channel
				""").param(referral).query().listOfRows();
	}

}
