package cymru.noddfa.matcher.availability;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Ready once the in-process search index is built from the topic (DESIGN §6): before
 * that, every search would answer 503.
 */
class SearchIndexHealthIndicator extends AbstractHealthIndicator {

	private final AvailabilityIndex index;

	SearchIndexHealthIndicator(AvailabilityIndex index) {
		super("Search index health check failed");
		this.index = index;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		(this.index.isBuilt() ? builder.up() : builder.outOfService()).withDetail("provisions", this.index.size());
	}

}
