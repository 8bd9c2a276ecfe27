package cymru.noddfa.kit.events;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ids of every event a service has consumed, in its {@code consumed_events} table
 * ({@code event_id uuid primary key, topic, event_type}), so a redelivered record (the
 * broker is at-least-once) is recognised. Call it in the transaction that applies the
 * event: the id and the change commit together or not at all.
 */
public class ConsumedEvents {

	private final JdbcClient jdbc;

	public ConsumedEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the event as consumed; {@code false} when it already was. Concurrent
	 * consumers of the same id serialise on the primary key, so exactly one gets
	 * {@code true}.
	 */
	public boolean firstTime(UUID eventId, String topic, String eventType) {
		return this.jdbc.sql("""
				insert into consumed_events (event_id, topic, event_type) values (?, ?, ?)
				on conflict (event_id) do nothing
				""").params(eventId, topic, eventType).update() == 1;
	}

}
