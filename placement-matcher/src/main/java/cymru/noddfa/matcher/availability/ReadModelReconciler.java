package cymru.noddfa.matcher.availability;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code noddfa.matcher.read-model.reconcile-period}, compares what Redis holds of
 * each provision (state version, each bed type's ledger revision) with what the database
 * records, and writes again, whole, any provision Redis lacks or holds older (or still
 * holds after its deletion). A Redis write that failed after its database change had
 * committed (a fold, a hold, a release) is so made good within one period, without
 * waiting for that provision's next change or for Redis to be emptied.
 * <p>
 * Redis is read before the database, so a provision deleted meanwhile is not written back
 * from an older reading. Every write is version-guarded, so running beside the listener,
 * another instance or a rebuild is harmless.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class ReadModelReconciler {

	private static final int PAGE = 500;

	private final ProvisionMirror mirror;

	private final AvailableBeds beds;

	private final BedLedgerRepository ledger;

	private final ReadModelLoader loader;

	private final AtomicBoolean statesBackfilled = new AtomicBoolean();

	@Scheduled(fixedDelayString = "${noddfa.matcher.read-model.reconcile-period:30s}",
			initialDelayString = "${noddfa.matcher.read-model.reconcile-period:30s}")
	void reconcileOnSchedule() {
		// an empty Redis is the rebuild's to fill
		if (this.loader.isRunning() || !this.beds.isReady()) {
			return;
		}
		try {
			List<String> rewritten = reconcile();
			if (!rewritten.isEmpty()) {
				// one now and then is a write racing this pass; many, or the same
				// ones again and again, mean that Redis writes fail
				log.info("Read model: {} provision(s) missing or behind in Redis written again from the database "
						+ "(first: {})", rewritten.size(), rewritten.getFirst());
			}
		}
		catch (ReadModelUnavailable | DataAccessException ex) {
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
				rewritten.addAll(behind);
			}
			after = ids.getLast();
		}
		while (ids.size() == PAGE);
		return rewritten;
	}

}
