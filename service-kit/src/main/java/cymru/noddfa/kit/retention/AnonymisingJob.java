package cymru.noddfa.kit.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAmount;
import java.util.List;

import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What every service's retention job shares: what is due is what is older than the
 * retention period by the service's clock, and it is anonymised a batch at a time, each
 * batch in its own transaction, so a large backlog (a first run, say) never holds many
 * rows locked or one transaction open for long, and another instance can take the next
 * batch. A service says what to clear, one {@link Step} per table, and when to run (its
 * own {@code @Scheduled} calling {@link #runLogged()}).
 */
@Slf4j
public abstract class AnonymisingJob {

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final TemporalAmount period;

	private final int batchSize;

	protected AnonymisingJob(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, TemporalAmount period,
			int batchSize) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.period = period;
		this.batchSize = batchSize;
	}

	/** The service's database, for the steps' statements. */
	protected final JdbcClient jdbc() {
		return this.jdbc;
	}

	/** The tables to anonymise, in order. */
	protected abstract List<Step> steps();

	/** What the log calls the records, e.g. "closed referrals". */
	protected abstract String what();

	/** Anonymises everything due; returns how many records it anonymised. */
	public int anonymiseDue() {
		Instant now = this.clock.instant();
		Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(this.period).toInstant();
		int total = 0;
		for (Step step : steps()) {
			int done;
			do {
				Integer ran = this.transactions.execute((tx) -> step.anonymise(cutoff, now, this.batchSize));
				done = (ran != null) ? ran : 0;
				total += done;
			}
			while (done == this.batchSize);
		}
		return total;
	}

	/**
	 * One scheduled run: a failure (the database away, say) is logged and left for the
	 * next run, which finds the same records still due.
	 */
	protected void runLogged() {
		try {
			int anonymised = anonymiseDue();
			if (anonymised > 0) {
				log.info("Anonymised {} {} older than the retention period ({})", anonymised, what(), this.period);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not anonymise {} ({}); retrying at the next check", what(), ex.getMessage());
		}
	}

	/** Anonymises at most {@code batchSize} records older than {@code cutoff}. */
	@FunctionalInterface
	protected interface Step {

		int anonymise(Instant cutoff, Instant now, int batchSize);

	}

}
