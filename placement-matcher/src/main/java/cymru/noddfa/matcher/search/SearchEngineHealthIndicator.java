package cymru.noddfa.matcher.search;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Ready once the search engine can answer (the in-process index once it has read the
 * topic): before that every search would answer 503, so no traffic should come.
 */
@RequiredArgsConstructor
class SearchEngineHealthIndicator extends AbstractHealthIndicator {

	private final SearchEngine engine;

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		(this.engine.isReady() ? builder.up() : builder.outOfService()).withDetail("engine", this.engine.name());
	}

}
