package cymru.noddfa.registry.placement;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cymru.noddfa.registry.Api;
import cymru.noddfa.registry.Topics;
import cymru.noddfa.testsupport.TestInfrastructure;
import cymru.noddfa.registry.RegistryComponentTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PlacementEventsTest extends RegistryComponentTest {

	static final String TOPIC = "matching.referral-events.v1";

	private final KafkaProducer<String, String> producer = new KafkaProducer<>(
			Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers")), new StringSerializer(),
			new StringSerializer());

	@AfterEach
	void closeProducer() {
		this.producer.close(Duration.ofSeconds(5));
	}

	@Test
	void a_placement_start_delivered_three_times_takes_one_bed_once() {
		String id = unique("placed");
		String marker = unique("marker");
		create(id);
		create(marker);
		String referral = UUID.randomUUID().toString();
		UUID eventId = UUID.randomUUID();

		for (int i = 0; i < 3; i++) {
			send(referral, eventId, "PlacementStarted", id, "CRISIS");
		}
		// same referral, so the same partition: once this one is applied, the three
		// before it were handled
		send(referral, UUID.randomUUID(), "PlacementStarted", marker, "CRISIS");

		await().atMost(Duration.ofSeconds(30)).until(() -> available(marker) == 0);
		assertThat(available(id)).isZero();
		JsonNode provision = this.api.get("/v1/provisions/" + id).json();
		assertThat(provision.get("version").asLong()).isEqualTo(2);
		JsonNode last = this.api.get("/v1/provisions/" + id + "/history").json().get("items").get(2);
		assertThat(last.get("change").asString()).isEqualTo("PLACEMENT_STARTED");
		assertThat(last.get("actor").asString()).isEqualTo("placement-matcher");
		assertThat(last.get("before").get("available").asInt()).isEqualTo(1);
		assertThat(last.get("after").get("available").asInt()).isEqualTo(0);
	}

	@Test
	void a_placement_end_gives_a_bed_back_but_never_above_the_total_and_the_clamp_is_recorded() {
		String id = unique("ended");
		create(id);
		String referral = UUID.randomUUID().toString();

		send(referral, UUID.randomUUID(), "PlacementEnded", id, "CRISIS");
		send(referral, UUID.randomUUID(), "PlacementEnded", id, "CRISIS");
		send(referral, UUID.randomUUID(), "PlacementEnded", id, "CRISIS");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get("/v1/provisions/" + id).json().get("version").asLong() == 4);
		assertThat(available(id)).isEqualTo(3);
		JsonNode items = this.api.get("/v1/provisions/" + id + "/history").json().get("items");
		assertThat(items.get(4).get("change").asString()).isEqualTo("PLACEMENT_ENDED");
		assertThat(items.get(4).get("reason").asString()).isEqualTo("clamped");
	}

	@Test
	void a_placement_that_arrives_while_the_database_is_away_waits_for_it_instead_of_being_dead_lettered(
			TestInfrastructure infra) {
		String id = unique("db-away");
		create(id);

		infra.stopPostgres();
		try {
			send(UUID.randomUUID().toString(), UUID.randomUUID(), "PlacementStarted", id, "CRISIS");
			// long enough for the ordinary retries (3 attempts, each waiting up to the
			// pool's
			// 2 s connection timeout) to have run out
			await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);
		}
		finally {
			infra.startPostgres();
		}

		await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> available(id) == 0);
	}

	@Test
	void events_that_are_not_placements_are_ignored() {
		String id = unique("ignored");
		create(id);
		String referral = UUID.randomUUID().toString();

		send(referral, UUID.randomUUID(), "HoldPlaced", id, "CRISIS");
		send(referral, UUID.randomUUID(), "PlacementStarted", id, "CRISIS");

		await().atMost(Duration.ofSeconds(30)).until(() -> available(id) == 0);
		assertThat(this.api.get("/v1/provisions/" + id).json().get("version").asLong()).isEqualTo(2);
	}

	@Test
	void an_event_for_an_unknown_provision_or_unreadable_goes_to_the_dead_letter_topic() {
		String unknown = unique("unknown");
		UUID eventId = UUID.randomUUID();
		send(UUID.randomUUID().toString(), eventId, "PlacementStarted", unknown, "CRISIS");
		String garbageKey = UUID.randomUUID().toString();
		this.producer.send(new ProducerRecord<>(TOPIC, garbageKey, "{not json"));

		List<String> keys = Topics
			.consume(TOPIC + ".dlt",
					(r) -> r.value() != null && (r.value().contains(unknown) || garbageKey.equals(r.key())), 2)
			.stream()
			.map((r) -> r.key())
			.toList();
		assertThat(keys).contains(garbageKey);
		assertThat(this.jdbc.sql("select count(*) from inbox where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single()).isZero();
	}

	private int available(String id) {
		Api.Response response = this.api.get("/v1/provisions/" + id);
		return response.json().get("vacancies").get(0).get("available").asInt();
	}

	private void send(String referral, UUID eventId, String type, String provisionId, String bedType) {
		String value = """
				{"eventId": "%s", "type": "%s", "referralId": "%s", "referralVersion": 3,
				 "occurredAt": "2026-11-23T02:00:00Z", "regionCode": "CTM", "reference": "CTM-0042",
				 "placementId": "%s", "provisionId": "%s", "bedType": "%s", "at": "2026-11-23T02:00:00Z"}
				""".formatted(eventId, type, referral, UUID.randomUUID(), provisionId, bedType);
		ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, referral, value);
		record.headers().add("ce_id", eventId.toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_type", ("cymru.noddfa.matching." + type + ".v1").getBytes(StandardCharsets.UTF_8));
		record.headers().add("ce_source", "/noddfa/placement-matcher".getBytes(StandardCharsets.UTF_8));
		this.producer.send(record);
		this.producer.flush();
	}

}
