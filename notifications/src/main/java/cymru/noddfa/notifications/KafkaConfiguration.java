package cymru.noddfa.notifications;

import java.util.function.BiFunction;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens when a consumed record cannot be handled. While our own database is away
 * the record is retried for as long as it takes (it is not the record's fault); any other
 * failure is retried a few times with back-off and then published unchanged, headers and
 * all, to {@code <topic>.dlt} for an operator.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

	static final String DELIVERY_EVENTS = "notifications.delivery-events.v1";

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka) {
		BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> deadLetterTopic = (record,
				ex) -> new TopicPartition(record.topic() + ".dlt", -1);
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka, deadLetterTopic);
		ExponentialBackOff fewTimes = new ExponentialBackOff(500, 2.0);
		fewTimes.setMaxAttempts(4);
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			log.error("Record {}-{}@{} dead-lettered to {}.dlt: {}", record.topic(), record.partition(),
					record.offset(), record.topic(), ex.getMessage());
			recoverer.accept(record, ex);
		}, fewTimes);
		handler.addNotRetryableExceptions(UnreadableEvent.class);
		handler.setBackOffFunction((record, ex) -> databaseAway(ex) ? untilItReturns() : null);
		return handler;
	}

	private static BackOff untilItReturns() {
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
		backOff.setMaxInterval(10_000);
		return backOff;
	}

	private static boolean databaseAway(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessException) {
				return true;
			}
		}
		return false;
	}

	@Bean
	NewTopic deliveryEvents() {
		return TopicBuilder.name(DELIVERY_EVENTS).partitions(3).build();
	}

	@Bean
	NewTopic provisionStateDeadLetters() {
		return TopicBuilder.name("registry.provision-state.v1.dlt").partitions(1).build();
	}

	@Bean
	NewTopic panelCaseEventsDeadLetters() {
		return TopicBuilder.name("panels.case-events.v1.dlt").partitions(1).build();
	}

	@Bean
	NewTopic referralEventsDeadLetters() {
		return TopicBuilder.name("matching.referral-events.v1.dlt").partitions(1).build();
	}

}
