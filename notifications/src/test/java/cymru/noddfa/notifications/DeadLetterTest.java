package cymru.noddfa.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cymru.noddfa.kit.events.UnreadableEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterTest extends ServiceTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_record_that_can_never_be_read_goes_to_the_dead_letter_topic_and_the_next_one_is_handled() {
		String key = UUID.randomUUID().toString();
		ReferralEvents.send(ReferralEvents.TOPIC, key, "{not json",
				Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", "cymru.noddfa.matching.ReferralCreated.v1"));

		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"), "group.id",
						"test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(ReferralEvents.TOPIC + ".dlt"));
			ConsumerRecord<String, String>[] found = new ConsumerRecord[1];
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((r) -> {
					if (key.equals(r.key())) {
						found[0] = r;
					}
				});
				return found[0] != null;
			});
			assertThat(found[0].value()).isEqualTo("{not json");
			assertThat(new String(found[0].headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isNotBlank();
			assertThat(new String(found[0].headers().lastHeader("kafka_dlt-exception-cause-fqcn").value(),
					StandardCharsets.UTF_8))
				.isEqualTo(UnreadableEvent.class.getName());
		}

		UUID next = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();
		ReferralEvents.publish(next, "ReferralCreated", referral,
				ReferralEvents.referralCreated(next, referral, "CTM", "CTM-0500"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from consumed_events where event_id = ?")
				.param(next)
				.query(Long.class)
				.single() == 1);
	}

}
