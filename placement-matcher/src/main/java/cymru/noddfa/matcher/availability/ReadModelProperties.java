package cymru.noddfa.matcher.availability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param topic the registry's compacted provision-state topic
 * @param keyPrefix prefix of every Redis key of the read model
 * @param checkInterval how often the read model is checked for having been emptied
 * @param reconcilePeriod how often the provisions whose Redis writes failed are compared
 * with the database, and any missing or older one written again: the longest a failed
 * Redis write leaves a search wrong
 * @param fullReconcilePeriod how often every provision is so compared: the longest a
 * write lost without a failure to tell of it (an instance stopped between its commit and
 * Redis, keys Redis lost while it stayed ready) leaves a search wrong
 * @param retryAfter what a 503 tells clients while the read model is rebuilt
 * @param partitions partitions of the topics this service declares
 * @param replicas replication factor of the topics this service declares
 */
@ConfigurationProperties("noddfa.matcher.read-model")
public record ReadModelProperties(@DefaultValue("registry.provision-state.v1") String topic,
		@DefaultValue("noddfa:matcher:") String keyPrefix, @DefaultValue("1s") Duration checkInterval,
		@DefaultValue("30s") Duration reconcilePeriod, @DefaultValue("5m") Duration fullReconcilePeriod,
		@DefaultValue("2s") Duration retryAfter, @DefaultValue("3") int partitions, @DefaultValue("1") short replicas,
		@DefaultValue("60s") Duration defectRetryFor) {

}
