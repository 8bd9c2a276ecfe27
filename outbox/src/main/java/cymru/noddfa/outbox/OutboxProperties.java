package cymru.noddfa.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param source CloudEvents {@code source} of everything this service publishes
 * @param pollInterval how often the relay looks for rows nobody woke it for (another
 * instance's commits, rows left by a broker outage)
 * @param batchSize rows published per transaction
 * @param sendTimeout how long one batch may wait for the broker before it is retried
 * @param retention how long published rows are kept for inspection
 */
@ConfigurationProperties("noddfa.outbox")
public record OutboxProperties(String source, @DefaultValue("200ms") Duration pollInterval,
		@DefaultValue("500") int batchSize, @DefaultValue("10s") Duration sendTimeout,
		@DefaultValue("7d") Duration retention) {

}
