package cymru.noddfa.matcher.referral;

import cymru.noddfa.matcher.availability.ReadModelProperties;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HoldProperties.class)
class ReferralConfiguration {

	/** Key = referral id, so each referral's events stay in order. */
	@Bean
	NewTopic referralEventsTopic(ReadModelProperties topics) {
		return TopicBuilder.name(ReferralEventPublisher.TOPIC)
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.build();
	}

}
