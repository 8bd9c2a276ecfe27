package cymru.noddfa.registry;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoData the illustrative provisions loaded on start (local stack only)
 * @param reference where the need vocabulary and the regions come from
 * @param topics Kafka topics this service publishes to and reads from
 * @param consumer retries of consumed events before they go to the dead-letter topic
 * @param defaultStalenessWindowHours how long a confirmation stays fresh when the
 * provider does not say
 * @param maxPageSize the most provisions one list page returns
 * @param idempotencyKeyRetention how long a write's answer is kept for retries with the
 * same {@code Idempotency-Key}
 */
@ConfigurationProperties("noddfa.registry")
public record RegistryProperties(@DefaultValue DemoData demoData, @DefaultValue Reference reference,
		@DefaultValue Topics topics, @DefaultValue Consumer consumer,
		@DefaultValue("12") int defaultStalenessWindowHours, @DefaultValue("100") int maxPageSize,
		@DefaultValue("24h") Duration idempotencyKeyRetention) {

	public record DemoData(@DefaultValue("false") boolean enabled,
			@DefaultValue("classpath:demo/demo-provisions.csv") String location) {
	}

	public record Reference(@DefaultValue("classpath:reference/needs.csv") String needs,
			@DefaultValue("classpath:reference/wales-regions.csv") String regions) {
	}

	/**
	 * @param provisionState compacted, key = provision id
	 * @param referralEvents the matcher's events; placements adjust vacancies
	 * @param partitions partitions of the topics this service declares
	 * @param replicas replication factor of the topics this service declares
	 */
	public record Topics(@DefaultValue("registry.provision-state.v1") String provisionState,
			@DefaultValue("matching.referral-events.v1") String referralEvents, @DefaultValue("3") int partitions,
			@DefaultValue("1") short replicas) {
	}

	/**
	 * @param retryInterval wait between attempts at a failing event
	 * @param retries attempts after the first before the event is dead-lettered
	 * @param outageMaxInterval longest wait between attempts while the database is
	 * unreachable; such events are retried until it returns, never dead-lettered
	 */
	public record Consumer(@DefaultValue("500ms") Duration retryInterval, @DefaultValue("4") int retries,
			@DefaultValue("30s") Duration outageMaxInterval) {
	}

}
