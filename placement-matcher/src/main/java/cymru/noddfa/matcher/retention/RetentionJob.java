package cymru.noddfa.matcher.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anonymises referrals the retention period after they closed (ended or cancelled, and
 * not changed since): the team's reference, the child's location, place and needs, and
 * the out-of-region options (their distances would place the child again) are cleared;
 * ids, region, age, sex, setting, bed type, statuses, versions and times are kept, with
 * the referral's holds and placements whole (they carry no reference, location or needs:
 * only codes, the distance from the coarse point to the bed and times), so outcome
 * figures still add up. The referral's audit trail keeps what was done, by which team and
 * when, and loses the request ids that join it to request logs. Nothing is deleted.
 * <p>
 * One statement per batch claims the referrals it anonymises with
 * {@code for update skip locked}, so two instances never work on the same rows, and
 * {@code anonymised_at} makes every later run skip them.
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
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

	@Scheduled(fixedDelayString = "${noddfa.matcher.retention.check-interval:1h}",
			initialDelayString = "${noddfa.matcher.retention.initial-delay:1m}")
	void onSchedule() {
		try {
			int anonymised = anonymiseDue();
			if (anonymised > 0) {
				log.info("Anonymised {} referrals closed longer than the retention period ({})", anonymised,
						this.properties.period());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not anonymise closed referrals ({}); retrying at the next check", ex.getMessage());
		}
	}

	/** Returns how many referrals it anonymised. */
	int anonymiseDue() {
		Instant now = this.clock.instant();
		Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(this.properties.period()).toInstant();
		int total = 0;
		int batch;
		do {
			batch = this.transactions.execute((tx) -> referrals(cutoff, now));
			total += batch;
		}
		while (batch == BATCH);
		return total;
	}

	private int referrals(Instant cutoff, Instant now) {
		return this.jdbc.sql("""
				with closed as (
				    select id from referrals
				    where anonymised_at is null and status in ('ENDED', 'CANCELLED') and updated_at < :cutoff
				    order by updated_at
				    limit :batch
				    for update skip locked),
				trail as (
				    update referral_audit a set request_id = null
				    from closed where a.referral_id = closed.id)
				update referrals r set reference = null, lat = null, lon = null, place = null, needs = '{}',
				                       out_of_region_options = null, anonymised_at = :now
				from closed where r.id = closed.id
				""")
			.param("cutoff", Timestamp.from(cutoff))
			.param("batch", BATCH)
			.param("now", Timestamp.from(now))
			.update();
	}

}
