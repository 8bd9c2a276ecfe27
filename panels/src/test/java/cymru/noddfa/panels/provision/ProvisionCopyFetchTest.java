package cymru.noddfa.panels.provision;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import cymru.noddfa.panels.ReferralEvents;
import cymru.noddfa.panels.ServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The panel's copy of the provisions is fetched in batches and folded a poll at a time,
 * so a burst of vacancy changes neither wakes it nor commits once per record; the
 * referral events a case is opened from are heard at once.
 */
class ProvisionCopyFetchTest extends ServiceTest {

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Autowired
	private ProvisionsRepository provisions;

	@Test
	void the_provision_copy_waits_for_a_batch_and_the_referral_events_do_not() {
		assertThat(consumerProperties("provision-state")).containsEntry("fetch.min.bytes", "65536")
			.containsEntry("fetch.max.wait.ms", "250");
		assertThat(consumerProperties("referral-events")).doesNotContainKeys("fetch.min.bytes", "fetch.max.wait.ms");
		assertThat(ackMode("provision-state")).isEqualTo(AckMode.BATCH);
		assertThat(ackMode("referral-events")).isEqualTo(AckMode.RECORD);
	}

	@Test
	void in_a_burst_an_unreadable_state_is_dead_lettered_and_the_states_around_it_are_kept() {
		String before = "copy-before-" + UUID.randomUUID();
		String unreadable = "copy-unreadable-" + UUID.randomUUID();
		String after = "copy-after-" + UUID.randomUUID();
		Map<String, String> burst = new LinkedHashMap<>();
		burst.put(before, ReferralEvents.provisionStateJson(before, 1, "CTM", "OPEN", "CRISIS"));
		burst.put(unreadable, "{not json");
		burst.put(after, ReferralEvents.provisionStateJson(after, 1, "CTM", "OPEN", "ASSESSMENT"));

		ReferralEvents.provisionStatesInOneBurst(burst);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.provisions.find(before).isPresent() && this.provisions.find(after).isPresent());
		assertThat(this.provisions.find(after).orElseThrow().bedTypes()).containsExactly("ASSESSMENT");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"), "group.id",
						"test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("registry.provision-state.v1.dlt"));
			ConsumerRecord<String, String>[] found = new ConsumerRecord[1];
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (unreadable.equals(record.key())) {
						found[0] = record;
					}
				});
				return found[0] != null;
			});
			assertThat(found[0].value()).isEqualTo("{not json");
		}
		assertThat(this.provisions.find(unreadable)).isEmpty();
	}

	private Properties consumerProperties(String listener) {
		return this.listeners.getListenerContainer(listener).getContainerProperties().getKafkaConsumerProperties();
	}

	private AckMode ackMode(String listener) {
		return this.listeners.getListenerContainer(listener).getContainerProperties().getAckMode();
	}

}
