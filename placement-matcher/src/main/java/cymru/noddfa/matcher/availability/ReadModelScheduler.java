package cymru.noddfa.matcher.availability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Notices an empty read model (first start, Redis flushed or restarted without its data)
 * and starts the rebuild by itself; until it finishes, searches answer 503.
 */
@Component
class ReadModelScheduler {

	private static final Logger log = LoggerFactory.getLogger(ReadModelScheduler.class);

	private final AvailableBeds beds;

	private final ReadModelRedis redis;

	private final ReadModelLoader loader;

	ReadModelScheduler(AvailableBeds beds, ReadModelRedis redis, ReadModelLoader loader) {
		this.beds = beds;
		this.redis = redis;
		this.loader = loader;
	}

	@Scheduled(fixedDelayString = "${noddfa.matcher.read-model.check-interval:1s}", initialDelay = 0)
	void rebuildWhenEmpty() {
		if (!this.loader.isRunning() && !this.beds.isReady() && this.redis.isReachable()
				&& this.loader.rebuildInBackground()) {
			log.warn("Read model in Redis is empty or unreachable; rebuilding it from the provision-state topic");
		}
	}

}
