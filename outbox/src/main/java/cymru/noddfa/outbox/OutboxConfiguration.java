package cymru.noddfa.outbox;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every service with this module on its classpath gets an {@link Outbox} and its relay.
 * The service's Flyway locations must include {@code classpath:db/outbox}, which creates
 * the table.
 */
@AutoConfiguration
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

	@Bean
	OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaProperties kafkaProperties,
			OutboxProperties properties, ObjectProvider<MeterRegistry> meters) {
		Map<String, Object> producer = new HashMap<>(kafkaProperties.buildProducerProperties());
		producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		// the broker must have the event on every in-sync replica before the row counts
		// as sent
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		int timeoutMs = (int) properties.sendTimeout().toMillis();
		producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
		producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5_000));
		producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 5_000));
		KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer));
		return new OutboxRelay(jdbc, transactions, kafka, properties, meters.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	Outbox outbox(JdbcClient jdbc, OutboxRelay relay) {
		return new Outbox(jdbc, relay);
	}

}
