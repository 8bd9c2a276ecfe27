package cymru.noddfa.kit.events;

import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.common.TopicPartition;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens when a consumed record cannot be handled. While our own database is away
 * the record is retried for as long as it takes (it is not the record's fault); an
 * {@link UnreadableEvent} goes to {@code <topic>.dlt} at once; any other failure is
 * retried a few times with back-off and then published unchanged, headers and all, to
 * {@code <topic>.dlt} for an operator. A service that needs other rules declares its own
 * {@link CommonErrorHandler}.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaOperations.class)
@Slf4j
public class ConsumerErrorHandling {

	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(record.topic() + ".dlt", -1));
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

}
