package cymru.noddfa.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event waiting to leave: its CloudEvents attributes and its JSON payload, already
 * serialised by the service that owns the event's contract.
 *
 * @param eventId CloudEvents {@code id}; consumers deduplicate on it
 * @param topic the Kafka topic
 * @param key the record key, which fixes the partition and so the order per entity
 * @param type CloudEvents {@code type}, e.g.
 * {@code cymru.noddfa.matching.ReferralCreated.v1}
 * @param subject CloudEvents {@code subject}: the entity the event is about
 * @param occurredAt CloudEvents {@code time}
 * @param payload the JSON body, or {@code null} for a tombstone on a compacted topic
 */
public record OutboxMessage(UUID eventId, String topic, String key, String type, String subject, Instant occurredAt,
		String payload) {

	public OutboxMessage {
		Objects.requireNonNull(eventId, "eventId");
		Objects.requireNonNull(topic, "topic");
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(occurredAt, "occurredAt");
	}

}
