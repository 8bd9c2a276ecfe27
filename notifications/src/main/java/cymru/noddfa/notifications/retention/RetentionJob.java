package cymru.noddfa.notifications.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anonymises deliveries (with their attempts) and alerts about referrals once they are
 * older than the retention period: targets (URLs, phone numbers, email addresses), the
 * referral's reference, the message itself and every error text are cleared; ids,
 * statuses, counts and times are kept, so what was sent, how often and how fast still
 * adds up. Deliveries still pending and alerts still climbing the rota wait until they
 * are done. Works in small batches, each its own transaction, so it never holds many rows
 * locked or runs into the statement timeout.
 */
@Component
class RetentionJob {

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final RetentionProperties properties;

	private final Clock clock;

	RetentionJob(JdbcClient jdbc, TransactionTemplate transactions, RetentionProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${noddfa.notifications.retention.check-interval:1h}", initialDelay = 60_000)
	void onSchedule() {
		int anonymised = anonymiseDue();
		if (anonymised > 0) {
			log.info("Anonymised {} deliveries and alerts older than the retention period ({})", anonymised,
					this.properties.period());
		}
	}

	/** Returns how many deliveries and alerts it anonymised. */
	int anonymiseDue() {
		Instant now = this.clock.instant();
		Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(this.properties.period()).toInstant();
		int total = 0;
		int batch;
		do {
			batch = this.transactions.execute((tx) -> deliveries(cutoff, now));
			total += batch;
		}
		while (batch == BATCH);
		do {
			batch = this.transactions.execute((tx) -> alerts(cutoff, now));
			total += batch;
		}
		while (batch == BATCH);
		return total;
	}

	private int deliveries(Instant cutoff, Instant now) {
		return this.jdbc.sql("""
				with old as (
				    select id from deliveries
				    where referral_id is not null and anonymised_at is null and status <> 'PENDING'
				      and created_at < :cutoff
				    order by created_at
				    limit :batch
				    for update skip locked),
				attempts as (
				    update delivery_attempts a set error = null
				    from old where a.delivery_id = old.id)
				update deliveries d set target = '', reference = null, payload = '{}', last_error = null,
				                        anonymised_at = :now
				from old where d.id = old.id
				""")
			.param("cutoff", Timestamp.from(cutoff))
			.param("batch", BATCH)
			.param("now", Timestamp.from(now))
			.update();
	}

	private int alerts(Instant cutoff, Instant now) {
		return this.jdbc.sql("""
				with old as (
				    select id from alerts
				    where referral_id is not null and anonymised_at is null and next_escalation_at is null
				      and created_at < :cutoff
				    order by created_at
				    limit :batch
				    for update skip locked)
				update alerts a set reference = null, payload = '{}', anonymised_at = :now
				from old where a.id = old.id
				""")
			.param("cutoff", Timestamp.from(cutoff))
			.param("batch", BATCH)
			.param("now", Timestamp.from(now))
			.update();
	}

}
