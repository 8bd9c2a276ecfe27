package cymru.noddfa.matcher.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cymru.noddfa.kit.retention.AnonymisingJob;

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
class RetentionJob extends AnonymisingJob {

	static final int BATCH = 500;

	RetentionJob(JdbcClient jdbc, TransactionTemplate transactions, RetentionProperties properties, Clock clock) {
		super(jdbc, transactions, clock, properties.period(), BATCH);
	}

	@Scheduled(fixedDelayString = "${noddfa.matcher.retention.check-interval:1h}",
			initialDelayString = "${noddfa.matcher.retention.initial-delay:1m}")
	void onSchedule() {
		runLogged();
	}

	@Override
	protected List<Step> steps() {
		return List.of(this::referrals);
	}

	@Override
	protected String what() {
		return "closed referrals";
	}

	private int referrals(Instant cutoff, Instant now, int batch) {
		return jdbc().sql("""
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
			.param("batch", batch)
			.param("now", Timestamp.from(now))
			.update();
	}

}
