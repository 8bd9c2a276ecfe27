package cymru.noddfa.notifications.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cymru.noddfa.kit.retention.AnonymisingJob;

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
class RetentionJob extends AnonymisingJob {

	static final int BATCH = 500;

	RetentionJob(JdbcClient jdbc, TransactionTemplate transactions, RetentionProperties properties, Clock clock) {
		super(jdbc, transactions, clock, properties.period(), BATCH);
	}

	@Scheduled(fixedDelayString = "${noddfa.notifications.retention.check-interval:1h}", initialDelay = 60_000)
	void onSchedule() {
		runLogged();
	}

	@Override
	protected List<Step> steps() {
		return List.of(this::deliveries, this::alerts);
	}

	@Override
	protected String what() {
		return "deliveries and alerts";
	}

	private int deliveries(Instant cutoff, Instant now, int batch) {
		return jdbc().sql("""
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
			.param("batch", batch)
			.param("now", Timestamp.from(now))
			.update();
	}

	private int alerts(Instant cutoff, Instant now, int batch) {
		return jdbc().sql("""
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
			.param("batch", batch)
			.param("now", Timestamp.from(now))
			.update();
	}

}
