package cymru.noddfa.matcher.availability;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;

import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import tools.jackson.core.JacksonException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadModelProperties.class)
@Slf4j
class ReadModelConfiguration {

	/** Named {@code redis} so the readiness group can include it by that name. */
	@Bean(name = "redis")
	RedisHealthIndicator redisHealthIndicator(UnifiedJedis redis, AvailableBeds beds) {
		return new RedisHealthIndicator(redis, beds);
	}

	/**
	 * Declared here too, compacted as the registry declares it, so that a matcher started
	 * first never lets the broker auto-create it uncompacted.
	 */
	@Bean
	NewTopic provisionStateTopic(ReadModelProperties properties) {
		return TopicBuilder.name(properties.topic())
			.partitions(properties.partitions())
			.replicas(properties.replicas())
			.compact()
			.build();
	}

	@Bean
	NewTopic provisionStateDeadLetterTopic(ReadModelProperties properties) {
		return TopicBuilder.name(properties.topic() + ".dlt")
			.partitions(properties.partitions())
			.replicas(properties.replicas())
			.build();
	}

	/**
	 * The dead-letter policy of every listener here: a record goes to {@code <topic>.dlt}
	 * only when it can never be applied. One that cannot be read or that lacks what the
	 * matcher needs ({@link UnusableProvisionState}) goes at once. One that fails because
	 * the matcher's own PostgreSQL or Redis is away or slow
	 * ({@link InfrastructureFailures}) is retried, with back-off, for as long as that
	 * lasts: it is not the record's fault, and parking it would leave the ledger with an
	 * old figure for good. Anything else (a defect) is retried for
	 * {@code defect-retry-for} (a minute), then parked for an operator.
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka, ReadModelProperties properties) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(record.topic() + ".dlt", record.partition()));
		ExponentialBackOff forAWhile = new ExponentialBackOff(200, 2.0);
		forAWhile.setMaxInterval(Duration.ofSeconds(5).toMillis());
		forAWhile.setMaxElapsedTime(properties.defectRetryFor().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			log.error("Record {}-{}@{} (key {}) dead-lettered to {}.dlt: {}", record.topic(), record.partition(),
					record.offset(), record.key(), record.topic(), rootMessage(ex));
			deadLetters.accept(record, ex);
		}, forAWhile);
		handler.addNotRetryableExceptions(JacksonException.class, UnusableProvisionState.class);
		handler.setBackOffFunction(
				(record, ex) -> InfrastructureFailures.isInfrastructure(ex) ? untilTheInfrastructureReturns() : null);
		return handler;
	}

	/** Never gives up; at most 5 s between tries, so a recovery is noticed quickly. */
	private static BackOff untilTheInfrastructureReturns() {
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(Duration.ofSeconds(5).toMillis());
		return backOff;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.toString();
	}

	/**
	 * Which failures are the matcher's own infrastructure being away or slow, so that the
	 * record that met them will apply once it returns: PostgreSQL unreachable, refusing
	 * connections or shutting down, a timeout, a lock or serialization failure, a
	 * transaction that could not begin, and any Redis failure. A record reaches Redis
	 * only after it was checked ({@link ProvisionState#problems}), so nothing in it can
	 * make a Redis write fail.
	 * <p>
	 * PostgreSQL's own SQLSTATE is read as well as Spring's translation of it, because
	 * the translation leaves some of these uncategorized (a lock timeout's
	 * {@code 55P03}).
	 * <p>
	 * It reads JDBC, Spring and Jedis exceptions and only the error handler above asks
	 * it, so it is part of this configuration, not of the domain.
	 */
	static final class InfrastructureFailures {

		/**
		 * SQLSTATE classes: connection exception, insufficient resources, operator
		 * intervention (shutdown, a statement timeout's cancel), system error.
		 */
		private static final Set<String> AWAY_OR_SLOW = Set.of("08", "53", "57", "58");

		/** Serialization failure, deadlock, lock not available (a lock timeout). */
		private static final Set<String> TRY_AGAIN = Set.of("40001", "40P01", "55P03");

		private InfrastructureFailures() {
		}

		static boolean isInfrastructure(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause()
					: null) {
				if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
						|| cause instanceof RecoverableDataAccessException
						|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
						|| cause instanceof SQLRecoverableException || cause instanceof ReadModelUnavailable
						|| cause instanceof JedisException) {
					return true;
				}
				if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5
						&& (AWAY_OR_SLOW.contains(sql.getSQLState().substring(0, 2))
								|| TRY_AGAIN.contains(sql.getSQLState()))) {
					return true;
				}
			}
			return false;
		}

	}

}
