package cymru.noddfa.registry;

import cymru.noddfa.registry.provision.InvalidValue;
import cymru.noddfa.registry.provision.ProvisionNotFound;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.core.JacksonException;

import java.sql.SQLTransientException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	/** Compacted: the latest state per provision is all a new reader needs. */
	@Bean
	NewTopic provisionStateTopic(RegistryProperties properties) {
		return topic(properties.topics(), properties.topics().provisionState()).compact().build();
	}

	/**
	 * Declared here too (creating it is a no-op when the matcher already did) so this
	 * service's consumer is assigned its partitions from the start.
	 */
	@Bean
	NewTopic referralEventsTopic(RegistryProperties properties) {
		return topic(properties.topics(), properties.topics().referralEvents()).build();
	}

	@Bean
	NewTopic referralEventsDeadLetterTopic(RegistryProperties properties) {
		return topic(properties.topics(), properties.topics().referralEvents() + ".dlt").build();
	}

	private static TopicBuilder topic(RegistryProperties.Topics topics, String name) {
		return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicas());
	}

	/**
	 * Retries a failing event with back-off, then parks it on {@code <topic>.dlt} so one
	 * bad event cannot stop the others. Events that can never succeed (unreadable, or
	 * about a provision that does not exist) go there at once.
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, RegistryProperties properties) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(record.topic() + ".dlt", -1));
		RegistryProperties.Consumer consumer = properties.consumer();
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters,
				new FixedBackOff(consumer.retryInterval().toMillis(), consumer.retries()));
		handler.addNotRetryableExceptions(JacksonException.class, InvalidValue.class, ProvisionNotFound.class);
		ExponentialBackOff untilTheDatabaseReturns = new ExponentialBackOff(consumer.retryInterval().toMillis(), 2);
		untilTheDatabaseReturns.setMaxInterval(consumer.outageMaxInterval().toMillis());
		untilTheDatabaseReturns.setMaxElapsedTime(Long.MAX_VALUE);
		handler.setBackOffFunction((record, ex) -> databaseUnreachable(ex) ? untilTheDatabaseReturns : null);
		return handler;
	}

	private static boolean databaseUnreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException) {
				return true;
			}
		}
		return false;
	}

}
