package cymru.noddfa.matcher.availability;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices an empty read model (first start, Redis flushed or restarted without its data)
 * and starts the rebuild by itself; until it finishes, searches answer 503.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class ReadModelScheduler {

	private final AvailableBeds beds;

	private final ReadModelLoader loader;

	@Scheduled(fixedDelayString = "${noddfa.matcher.read-model.check-interval:1s}", initialDelay = 0)
	void rebuildWhenEmpty() {
		if (!this.loader.isRunning() && this.beds.isKnownEmpty() && this.loader.rebuildInBackground()) {
			log.warn("Read model in Redis is empty; rebuilding it from the provision-state topic");
		}
	}

}
