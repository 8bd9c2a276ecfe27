package cymru.noddfa.matcher.availability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Builds the search index at start, and notices an empty Redis read model (flushed or
 * restarted without its data) and starts the rebuild by itself; until it finishes,
 * searches answer 503.
 */
@Component
class ReadModelScheduler {

	private static final Logger log = LoggerFactory.getLogger(ReadModelScheduler.class);

	private final AvailabilityStore store;

	private final ReadModelLoader loader;

	ReadModelScheduler(AvailabilityStore store, ReadModelLoader loader) {
		this.store = store;
		this.loader = loader;
	}

	/**
	 * Only an index not yet built or a Redis that answered "empty" starts a rebuild: a
	 * pool timeout under load says nothing about the data and must not add a replay to
	 * it.
	 */
	@Scheduled(fixedDelayString = "${noddfa.matcher.read-model.check-interval:1s}", initialDelay = 0)
	void rebuildWhenEmpty() {
		if (this.loader.isRunning()) {
			return;
		}
		if (!this.store.index().isBuilt() && this.loader.rebuildInBackground()) {
			log.info("Building the search index from the provision-state topic; searches answer 503 until it is built");
		}
		else if (this.store.mirrorStatus() == AvailabilityStore.Mirror.EMPTY && this.loader.rebuildInBackground()) {
			log.warn("Read model in Redis is empty; rebuilding it from the provision-state topic and the ledger");
		}
	}

}
