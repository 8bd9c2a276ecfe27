package cymru.noddfa.matcher.availability;

import java.time.Duration;

import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.apache.kafka.clients.admin.NewTopic;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RedisConnectionProperties.class, ReadModelProperties.class })
class ReadModelConfiguration {

	@Bean(destroyMethod = "close")
	UnifiedJedis jedis(RedisConnectionProperties properties) {
		GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
		pool.setMaxTotal(properties.maxConnections());
		pool.setMaxIdle(properties.maxConnections());
		pool.setMaxWait(properties.timeout());
		return new JedisPooled(pool, properties.host(), properties.port(), (int) properties.timeout().toMillis());
	}

	@Bean
	AvailabilityStore availabilityStore(UnifiedJedis redis, JsonMapper json, ReadModelProperties properties) {
		return new AvailabilityStore(redis, json, properties.keyPrefix());
	}

	/** Named {@code redis} so the readiness group can include it by that name. */
	@Bean(name = "redis")
	RedisHealthIndicator redisHealthIndicator(UnifiedJedis redis, AvailabilityStore store) {
		return new RedisHealthIndicator(redis, store);
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
	 * Retries with back-off (the database or Redis may be briefly away), then parks the
	 * record on {@code <topic>.dlt}; a value that is not JSON is parked at once.
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka, (record,
				ex) -> new org.apache.kafka.common.TopicPartition(record.topic() + ".dlt", record.partition()));
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(Duration.ofSeconds(5).toMillis());
		backOff.setMaxElapsedTime(Duration.ofSeconds(60).toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(JacksonException.class);
		return handler;
	}

}
