package cymru.noddfa.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A peer that accepts and never answers holds its own delivery until its channel's
 * timeout, and nothing else: other alerts still go out within two seconds.
 */
class HungPeersTest extends ServiceTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JavaMailSender mail;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void a_webhook_receiver_that_never_answers_costs_its_own_delivery_only() throws Exception {
		String hungRegion = region("HW");
		String liveRegion = region("LW");
		try (HungPeer hung = HungPeer.start(); WebhookReceiver live = WebhookReceiver.start()) {
			subscribe("""
					{"regionCode": "%s", "channel": "WEBHOOK", "url": "http://127.0.0.1:%d/hook"}
					""".formatted(hungRegion, hung.port()));
			subscribe("""
					{"regionCode": "%s", "channel": "WEBHOOK", "url": "%s"}
					""".formatted(liveRegion, live.url("/hook")));
			UUID stuck = publish("HoldDeclined", hungRegion);
			await().atMost(Duration.ofSeconds(5)).until(() -> hung.connections() >= 1);

			Instant published = Instant.now();
			UUID other = publish("HoldDeclined", liveRegion);
			await().atMost(Duration.ofSeconds(2))
				.until(() -> live.requests().stream().anyMatch((r) -> other.toString().equals(r.header("ce-id"))));
			assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(2));

			// the hung attempt ends at the response timeout, is recorded and retried
			// later
			await().atMost(Duration.ofSeconds(15)).until(() -> failedAttempts(stuck) >= 1);
			assertThat(lastError(stuck)).containsIgnoringCase("timeout");
		}
	}

	@Test
	void an_smtp_server_that_never_greets_costs_its_own_email_only() throws Exception {
		JavaMailSenderImpl smtp = (JavaMailSenderImpl) this.mail;
		int realPort = smtp.getPort();
		String emailRegion = region("HM");
		String smsRegion = region("LM");
		String email = "on-call-" + UUID.randomUUID() + "@team.example";
		String phone = "+4477006" + (10000 + (int) (Math.random() * 89999));
		contact("""
				{"name": "On call", "role": "CRISIS_TEAM", "regionCode": "%s",
				 "channels": [{"channel": "EMAIL", "address": "%s"}]}
				""".formatted(emailRegion, email));
		contact("""
				{"name": "On call", "role": "CRISIS_TEAM", "regionCode": "%s",
				 "channels": [{"channel": "SMS", "address": "%s"}]}
				""".formatted(smsRegion, phone));
		try (HungPeer hung = HungPeer.start()) {
			smtp.setPort(hung.port());
			UUID stuck = publish("MatchAvailable", emailRegion);
			await().atMost(Duration.ofSeconds(5)).until(() -> hung.connections() >= 1);

			Instant published = Instant.now();
			publish("MatchAvailable", smsRegion);
			await().atMost(Duration.ofSeconds(2)).until(() -> NotifyStub.get().callsTo(phone).size() == 1);
			assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(2));

			await().atMost(Duration.ofSeconds(15)).until(() -> failedAttempts(stuck) >= 1);
			assertThat(lastError(stuck)).containsIgnoringCase("timed out");
		}
		finally {
			smtp.setPort(realPort);
		}
	}

	@Test
	void a_statement_waiting_on_a_held_lock_gives_up_after_the_lock_timeout() throws Exception {
		String contact = contact("""
				{"name": "Locked", "role": "CRISIS_TEAM", "regionCode": "%s",
				 "channels": [{"channel": "SMS", "address": "+447700900001"}]}
				""".formatted(region("LK")));
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Thread holder = Thread.ofVirtual().start(() -> this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("select id from contacts where id = ? for update")
				.param(UUID.fromString(contact))
				.query()
				.listOfRows();
			locked.countDown();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}));
		try {
			assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
			Instant started = Instant.now();
			assertThatThrownBy(() -> this.jdbc.sql("update contacts set name = 'waited' where id = ?")
				.param(UUID.fromString(contact))
				.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("lock timeout");
			assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(4));
			assertThat(this.jdbc.sql("show statement_timeout").query(String.class).single()).isEqualTo("5s");
		}
		finally {
			release.countDown();
			holder.join();
		}
	}

	private UUID publish(String type, String region) {
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();
		ReferralEvents.publish(eventId, type, referral,
				ReferralEvents.event(eventId, type, referral, region, region + "-1", "some-unit"));
		return eventId;
	}

	private long failedAttempts(UUID eventId) {
		return this.jdbc.sql("""
				select count(*) from delivery_attempts a join deliveries d on d.id = a.delivery_id
				where d.event_id = ? and a.outcome = 'FAILED'
				""").param(eventId).query(Long.class).single();
	}

	private String lastError(UUID eventId) {
		return this.jdbc.sql("""
				select a.error from delivery_attempts a join deliveries d on d.id = a.delivery_id
				where d.event_id = ? order by a.number limit 1
				""").param(eventId).query(String.class).single();
	}

	private static String region(String prefix) {
		return prefix + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26));
	}

}
