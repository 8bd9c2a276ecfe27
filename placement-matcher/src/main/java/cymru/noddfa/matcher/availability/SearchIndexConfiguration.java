package cymru.noddfa.matcher.availability;

import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The in-process search index and its feed, when searches use it (the default engine,
 * {@code noddfa.matcher.search.engine=index}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "noddfa.matcher.search.engine", havingValue = "index", matchIfMissing = true)
class SearchIndexConfiguration {

	/** How soon partitions added to the topic are read too. */
	private static final Duration PARTITION_CHECK = Duration.ofSeconds(30);

	@Bean
	ProvisionIndex provisionIndex() {
		return new ProvisionIndex();
	}

	@Bean
	ProvisionIndexFeed provisionIndexFeed(ProvisionIndex index, JsonMapper json, KafkaProperties kafka,
			ReadModelProperties properties) {
		return new ProvisionIndexFeed(index, json, kafka.buildConsumerProperties(), properties.topic(),
				PARTITION_CHECK);
	}

}
