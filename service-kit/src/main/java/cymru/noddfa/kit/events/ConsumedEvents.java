package cymru.noddfa.kit.events;

import java.util.UUID;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ids of every event a service has consumed, in its {@code consumed_events} table
 * ({@code event_id uuid primary key, topic, event_type}), so a redelivered record (the
 * broker is at-least-once) is recognised. Call it in the transaction that applies the
 * event: the id and the change commit together or not at all.
 */
@RequiredArgsConstructor
@Slf4j
public class ConsumedEvents {

	private final JdbcClient jdbc;

	/**
	 * Records the event as consumed; {@code false}, said in the log, when it already was.
	 * Concurrent consumers of the same id serialise on the primary key, so exactly one
	 * gets {@code true}.
	 * @param subject what the event is about, for the log (e.g. {@code "referral 7f3e…"})
	 */
	public boolean firstTime(UUID eventId, String topic, String eventType, String subject) {
		boolean first = this.jdbc.sql("""
				insert into consumed_events (event_id, topic, event_type) values (?, ?, ?)
				on conflict (event_id) do nothing
				""").params(eventId, topic, eventType).update() == 1;
		if (!first) {
			log.info("Event {} ({}) on {} for {} was already handled; skipped", eventId, eventType, topic, subject);
		}
		return first;
	}

}
