package cymru.noddfa.matcher.referral;

import java.util.function.Supplier;

import cymru.noddfa.matcher.availability.ReadModelProperties;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The referral feature's use cases, one class each, and what they stand on. They are
 * plain Java: Spring makes them here and lends them its transactions.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HoldProperties.class)
@Import({ ReferringAChild.class, ReadingReferrals.class, PlacingAHold.class, AcceptingAHold.class, DecliningAHold.class,
		ReleasingAHold.class, ExpiringHolds.class, StartingAPlacement.class, EndingAPlacement.class,
		CancellingAReferral.class, Escalating.class, AnnouncingMatches.class, RematchingAReferral.class,
		RematchingWaitingReferrals.class, ReportingCrisisOverruns.class, FindingBeds.class, HeldBeds.class,
		ReferralAccess.class, ReferralIntake.class, OutOfRegionHolds.class, RecordingPanelDecisions.class })
class ReferralConfiguration {

	/** Key = referral id, so each referral's events stay in order. */
	@Bean
	NewTopic referralEventsTopic(ReadModelProperties topics) {
		return TopicBuilder.name(ReferralEventPublisher.TOPIC)
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.build();
	}

	/**
	 * Declared here too, as the panels service declares it, so that a matcher started
	 * first never lets the broker auto-create it; and its dead-letter topic.
	 */
	@Bean
	NewTopic panelCaseEventsTopic(ReadModelProperties topics) {
		return TopicBuilder.name(PanelDecisionListener.TOPIC)
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.build();
	}

	@Bean
	NewTopic panelCaseEventsDeadLetterTopic(ReadModelProperties topics) {
		return TopicBuilder.name(PanelDecisionListener.TOPIC + ".dlt")
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.build();
	}

	@Bean
	Transactions referralTransactions(TransactionTemplate template) {
		return new Transactions() {
			@Override
			public <T> T inOne(Supplier<T> work) {
				return template.execute((status) -> work.get());
			}
		};
	}

}
