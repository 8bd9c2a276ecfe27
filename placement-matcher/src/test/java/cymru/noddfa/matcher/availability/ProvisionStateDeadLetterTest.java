package cymru.noddfa.matcher.availability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProvisionStateDeadLetterTest extends MatcherComponentTest {

	@Test
	void an_unreadable_provision_state_is_parked_on_the_dead_letter_topic_and_the_next_one_is_still_folded()
			throws Exception {
		String broken = ProvisionStates.uniqueId("broken");
		String bootstrap = System.getProperty("spring.kafka.bootstrap-servers");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(ProvisionStates.TOPIC, broken, "{not json")).get();
		}
		var fine = ProvisionStates.provision(ProvisionStates.uniqueId("fine")).at(ProvisionStates.somewhereApart());
		try (ProvisionStates registry = new ProvisionStates()) {
			registry.publish(fine);
		}

		List<ConsumerRecord<String, String>> parked = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
				"group.id", "dlt-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(ProvisionStates.TOPIC + ".dlt"));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(parked::add);
				return parked.stream().anyMatch((r) -> broken.equals(r.key()));
			});
		}
		assertThat(parked.stream().filter((r) -> broken.equals(r.key())).findFirst().orElseThrow().value())
			.isEqualTo("{not json");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", fine.id()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value(1)));
	}

	@Test
	void the_openapi_description_lists_the_public_paths() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/v1/searches']").exists())
			.andExpect(jsonPath("$.paths['/v1/referrals']").exists())
			.andExpect(jsonPath("$.paths['/v1/availability/{provisionId}']").exists());
	}

}
