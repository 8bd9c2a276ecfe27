package cymru.noddfa.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes referral events as the placement matcher does: JSON value, key = referral id,
 * binary-mode CloudEvents headers.
 */
public final class ReferralEvents {

	public static final String TOPIC = "matching.referral-events.v1";

	private ReferralEvents() {
	}

	public static String referralCreated(UUID eventId, String referralId, String region, String reference) {
		return """
				{"eventId": "%s", "type": "ReferralCreated", "referralId": "%s", "referralVersion": 1,
				 "occurredAt": "%s", "regionCode": "%s", "reference": "%s", "bedType": "CRISIS",
				 "needs": ["MH_CRISIS"]}
				""".formatted(eventId, referralId, Instant.now(), region, reference);
	}

	public static String event(UUID eventId, String type, String referralId, String region, String reference,
			String provisionId) {
		return """
				{"eventId": "%s", "type": "%s", "referralId": "%s", "referralVersion": 2,
				 "occurredAt": "%s", "regionCode": "%s", "reference": "%s", "holdId": "%s",
				 "provisionId": "%s", "bedType": "CRISIS", "expiresAt": "%s"}
				""".formatted(eventId, type, referralId, Instant.now(), region, reference, UUID.randomUUID(),
				provisionId, Instant.now().plusSeconds(1800));
	}

	/**
	 * Publishes a provision's state as the bed registry does, with one crisis vacancy.
	 */
	public static void provisionState(String provision, long version, String providerId, String region,
			Instant confirmedAt) {
		String state = """
				{"provisionId": "%s", "version": %d, "providerId": "%s",
				 "name": "Bridgend Integrated Residential Hub", "kind": "CRISIS_UNIT", "regionCode": "%s",
				 "localAuthority": "Bridgend", "location": {"lat": 51.51, "lon": -3.59}, "postcode": null,
				 "ageRange": {"min": 11, "max": 17}, "accepts": "ANY", "needsMet": ["MH_CRISIS"], "exclusions": [],
				 "admissions": {"always": true, "windows": []}, "regulatorReference": null, "onCallPhone": null,
				 "status": "OPEN", "statusReason": null, "stalenessWindowHours": 12,
				 "vacancies": [{"bedType": "CRISIS", "total": 3, "available": 1, "confirmedAt": "%s",
				                "updatedAt": "%s"}],
				 "updatedAt": "%s"}
				""".formatted(provision, version, providerId, region, confirmedAt, confirmedAt, confirmedAt);
		send("registry.provision-state.v1", provision, state,
				Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_type",
						"cymru.noddfa.registry.ProvisionStateChanged.v1", "ce_source", "/noddfa/bed-registry",
						"ce_subject", provision, "content-type", "application/json"));
	}

	public static void publish(UUID eventId, String type, String referralId, String json) {
		send(TOPIC, referralId, json,
				Map.of("ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_type",
						"cymru.noddfa.matching." + type + ".v1", "ce_source", "/noddfa/placement-matcher", "ce_time",
						Instant.now().toString(), "ce_subject", referralId, "content-type", "application/json"));
	}

	public static void send(String topic, String key, String value, Map<String, String> headers) {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers")),
				new StringSerializer(), new StringSerializer())) {
			ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
			headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
			producer.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("could not publish a test event", ex);
		}
	}

}
