package cymru.noddfa.kit.events;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading a consumed record: its JSON value into the consumer's own record of the fields
 * it needs, and its CloudEvents id. What cannot be read is an {@link UnreadableEvent}, so
 * the record is dead-lettered at once instead of retried.
 */
public final class EventRecords {

	private EventRecords() {
	}

	/**
	 * @param what what the value should be, for the dead-letter reason: "not a
	 * {@code what}"
	 */
	public static <T> T read(JsonMapper json, ConsumerRecord<String, String> record, Class<T> type, String what) {
		if (record.value() == null) {
			throw new UnreadableEvent("record without a value at offset " + record.offset(), null);
		}
		try {
			return json.readValue(record.value(), type);
		}
		catch (JacksonException ex) {
			throw new UnreadableEvent("not a " + what + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/** The {@code ce_id} header, empty when the record has none. */
	public static Optional<UUID> cloudEventId(ConsumerRecord<?, ?> record) {
		Header header = record.headers().lastHeader("ce_id");
		if (header == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(UUID.fromString(new String(header.value(), StandardCharsets.UTF_8)));
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableEvent("ce_id is not a UUID", ex);
		}
	}

}
