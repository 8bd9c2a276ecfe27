package cymru.noddfa.matcher.availability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import lombok.extern.slf4j.Slf4j;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes good a Redis write that failed after its database change had committed (a fold, a
 * hold, a release): compares what Redis holds of a provision (state version, each bed
 * type's ledger revision) with what the database records, and writes again, whole, any
 * provision Redis lacks or holds older (or still holds after its deletion).
 * <p>
 * Every {@code noddfa.matcher.read-model.reconcile-period} it checks the provisions whose
 * writes failed here ({@link ProvisionMirror#takeSuspects}); every
 * {@code full-reconcile-period}, and first one period after start, every provision, for
 * what no failure told of: a write lost with an instance that stopped between its commit
 * and Redis, keys Redis lost while it stayed ready. A full pass reads each provision's
 * versions from Redis and the database; the suspects' pass, a handful.
 * <p>
 * Redis is read before the database, so a provision deleted meanwhile is not written back
 * from an older reading. Every write is version-guarded, so running beside the listener,
 * another instance or a rebuild is harmless.
 */
@Component
@Slf4j
class ReadModelReconciler {

	private static final int PAGE = 500;

	private final ProvisionMirror mirror;

	private final AvailableBeds beds;

	private final BedLedgerRepository ledger;

	private final ReadModelLoader loader;

	private final Duration fullPeriod;

	private final AtomicBoolean statesBackfilled = new AtomicBoolean();

	/** When the next full pass is due; the first, one period after start. */
	private Instant fullPassDue = Instant.MIN;

	ReadModelReconciler(ProvisionMirror mirror, AvailableBeds beds, BedLedgerRepository ledger, ReadModelLoader loader,
			ReadModelProperties properties) {
		this.mirror = mirror;
		this.beds = beds;
		this.ledger = ledger;
		this.loader = loader;
		this.fullPeriod = properties.fullReconcilePeriod();
	}

	@Scheduled(fixedDelayString = "${noddfa.matcher.read-model.reconcile-period:30s}",
			initialDelayString = "${noddfa.matcher.read-model.reconcile-period:30s}")
	void reconcileOnSchedule() {
		// an empty Redis is the rebuild's to fill
		if (this.loader.isRunning() || !this.beds.isReady()) {
			return;
		}
		Instant now = Instant.now();
		boolean full = !now.isBefore(this.fullPassDue);
		List<String> suspects = this.mirror.takeSuspects();
		if (full) {
			// due again a full period on, even if this one fails: a full pass that timed
			// out under load is not tried again every period while the load lasts
			this.fullPassDue = now.plus(this.fullPeriod);
		}
		try {
			List<String> rewritten = full ? reconcile() : reconcile(suspects);
			if (!rewritten.isEmpty()) {
				// one now and then is a write racing this pass; many, or the same
				// ones again and again, mean that Redis writes fail
				log.info("Read model: {} provision(s) missing or behind in Redis written again from the database "
						+ "(first: {})", rewritten.size(), rewritten.getFirst());
			}
		}
		catch (ReadModelUnavailable | DataAccessException ex) {
			this.mirror.suspect(suspects);
			log.warn("Read model not reconciled ({}); tried again next period", ex.getMessage());
		}
	}

	/** One pass over every provision; the ids of those written again. */
	List<String> reconcile() {
		List<String> rewritten = new ArrayList<>();
		String after = "";
		List<String> ids;
		do {
			ids = this.ledger.provisionIds(after, PAGE);
			if (ids.isEmpty()) {
				break;
			}
			rewritten.addAll(reconcilePage(ids));
			after = ids.getLast();
		}
		while (ids.size() == PAGE);
		return rewritten;
	}

	/** The given provisions only; the ids of those written again. */
	List<String> reconcile(List<String> provisionIds) {
		List<String> rewritten = new ArrayList<>();
		for (int from = 0; from < provisionIds.size(); from += PAGE) {
			rewritten.addAll(reconcilePage(provisionIds.subList(from, Math.min(from + PAGE, provisionIds.size()))));
		}
		return rewritten;
	}

	private List<String> reconcilePage(List<String> ids) {
		List<MirroredVersions> mirrored = this.mirror.versions(ids);
		List<RecordedVersions> recorded = this.ledger.versions(ids);
		List<String> behind = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			if (recorded.get(i).lacksState() && this.statesBackfilled.compareAndSet(false, true)) {
				// folded before states were kept: a rebuild records them
				log.info("Read model: provision {} has ledger rows but no recorded state; rebuilding once to "
						+ "record every provision's state", ids.get(i));
				this.loader.rebuildInBackground();
			}
			if (recorded.get(i).isAheadOf(mirrored.get(i))) {
				behind.add(ids.get(i));
			}
		}
		if (!behind.isEmpty()) {
			// read again whole: newer than compared is fine, every write is
			// version-guarded
			this.mirror.writeAll(this.ledger.provisions(behind));
		}
		return behind;
	}

}
