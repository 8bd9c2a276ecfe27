package cymru.noddfa.panels;

import cymru.noddfa.kit.events.ConsumedEvents;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics this service writes, and the dead-letter topics of those it reads; what a
 * failed record does is the service kit's {@code ConsumerErrorHandling}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	ConsumedEvents consumedEvents(JdbcClient jdbc) {
		return new ConsumedEvents(jdbc);
	}

	@Bean
	NewTopic caseEvents(PanelsProperties properties) {
		return TopicBuilder.name(properties.topics().caseEvents()).partitions(3).build();
	}

	@Bean
	NewTopic provisionStateDeadLetters() {
		return TopicBuilder.name("registry.provision-state.v1.dlt").partitions(1).build();
	}

	@Bean
	NewTopic referralEventsDeadLetters() {
		return TopicBuilder.name("matching.referral-events.v1.dlt").partitions(1).build();
	}

}
