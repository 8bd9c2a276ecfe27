package cymru.noddfa.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param source CloudEvents {@code source} of everything this service publishes
 * @param pollInterval how often the relay looks for rows nobody woke it for (another
 * instance's commits, rows left by a broker outage)
 * @param batchSpacing the least time between the starts of two batches: under load the
 * commits that land in it go out together, in one transaction and one request to the
 * broker, instead of one each (fewer statements, fewer produce and fetch requests for
 * every consumer); after a quiet spell a commit is published at once
 * @param batchSize rows published per transaction
 * @param sendTimeout how long one batch may wait for the broker before it is retried
 * @param retention how long published rows are kept for inspection
 */
@ConfigurationProperties("noddfa.outbox")
public record OutboxProperties(String source, @DefaultValue("200ms") Duration pollInterval,
		@DefaultValue("10ms") Duration batchSpacing, @DefaultValue("500") int batchSize,
		@DefaultValue("10s") Duration sendTimeout, @DefaultValue("7d") Duration retention) {

}
