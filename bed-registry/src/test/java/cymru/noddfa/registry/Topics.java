package cymru.noddfa.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * Reads what the service published, as any consumer would: from the start of the topic.
 */
public final class Topics {

	private Topics() {
	}

	/** Reads the topic from the start until {@code atLeast} records match. */
	public static List<ConsumerRecord<String, String>> consume(String topic,
			Predicate<ConsumerRecord<String, String>> wanted, int atLeast) {
		return consume(topic, wanted, (records) -> records.size() >= atLeast);
	}

	public static List<ConsumerRecord<String, String>> consume(String topic,
			Predicate<ConsumerRecord<String, String>> wanted, Predicate<List<ConsumerRecord<String, String>>> done) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"), "group.id",
						"registry-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(90)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (wanted.test(record)) {
						records.add(record);
					}
				});
				return done.test(records);
			});
		}
		return records;
	}

}
