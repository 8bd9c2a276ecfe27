package cymru.noddfa.panels;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes referral and provision events as the matcher and the registry do: JSON value,
 * key = the entity's id, binary-mode CloudEvents headers.
 */
public final class ReferralEvents {

	public static final String TOPIC = "matching.referral-events.v1";

	private static final JsonMapper json = JsonMapper.builder().build();

	private ReferralEvents() {
	}

	/**
	 * One event of a referral: the fields every event has, plus {@code extra}
	 * (type-specific and the optional fields).
	 */
	public static Map<String, Object> event(UUID eventId, String type, String referralId, long version, Instant at,
			String region, Map<String, Object> extra) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventId", eventId.toString());
		event.put("type", type);
		event.put("referralId", referralId);
		event.put("referralVersion", version);
		event.put("occurredAt", at.toString());
		event.put("regionCode", region);
		event.put("reference", region + "-" + referralId.substring(0, 4).toUpperCase());
		event.putAll(extra);
		return event;
	}

	public static String json(Map<String, Object> event) {
		return json.writeValueAsString(event);
	}

	/** Publishes the events, each under its own event id. */
	public static void publish(List<Map<String, Object>> events) {
		try (KafkaProducer<String, String> producer = producer()) {
			for (Map<String, Object> event : events) {
				String referral = (String) event.get("referralId");
				ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, referral, json(event));
				Map.of("ce_specversion", "1.0", "ce_id", (String) event.get("eventId"), "ce_type",
						"cymru.noddfa.matching." + event.get("type") + ".v1", "ce_source", "/noddfa/placement-matcher",
						"ce_subject", referral, "content-type", "application/json")
					.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
				producer.send(record);
			}
			producer.flush();
		}
	}

	public static void publish(Map<String, Object> event) {
		publish(List.of(event));
	}

	/** A provision as the bed registry publishes it, with one vacancy per bed type. */
	public static void provisionState(String provision, long version, String region, String status,
			String... bedTypes) {
		String state = provisionStateJson(provision, version, region, status, bedTypes);
		try (KafkaProducer<String, String> producer = producer()) {
			ProducerRecord<String, String> record = new ProducerRecord<>("registry.provision-state.v1", provision,
					state);
			record.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not publish a provision state", ex);
		}
	}

	/** The value the bed registry publishes for a provision, one vacancy per bed type. */
	public static String provisionStateJson(String provision, long version, String region, String status,
			String... bedTypes) {
		StringBuilder vacancies = new StringBuilder();
		for (String bedType : bedTypes) {
			vacancies.append(vacancies.isEmpty() ? "" : ",")
				.append("{\"bedType\": \"%s\", \"total\": 2, \"available\": 1, \"confirmedAt\": \"%s\", \"updatedAt\": \"%s\"}"
					.formatted(bedType, Instant.now(), Instant.now()));
		}
		return """
				{"provisionId": "%s", "version": %d, "providerId": "provider-%s",
				 "name": "Test unit", "kind": "ASSESSMENT_UNIT", "regionCode": "%s",
				 "localAuthority": "Bridgend", "location": {"lat": 51.51, "lon": -3.59}, "postcode": null,
				 "ageRange": {"min": 11, "max": 17}, "accepts": "ANY", "needsMet": ["MH_CRISIS"], "exclusions": [],
				 "admissions": {"always": true, "windows": []}, "regulatorReference": null, "onCallPhone": null,
				 "status": "%s", "statusReason": null, "stalenessWindowHours": 12,
				 "vacancies": [%s], "updatedAt": "%s"}
				""".formatted(provision, version, provision, region, status, vacancies, Instant.now());
	}

	/**
	 * Provision-state values (JSON or not) in one send, all to one partition, so that the
	 * listener is likely to read them in one poll.
	 */
	public static void provisionStatesInOneBurst(Map<String, String> valuesByKey) {
		try (KafkaProducer<String, String> producer = producer()) {
			valuesByKey.forEach(
					(key, value) -> producer.send(new ProducerRecord<>("registry.provision-state.v1", 0, key, value)));
			producer.flush();
		}
	}

	private static KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers")),
				new StringSerializer(), new StringSerializer());
	}

}
