package cymru.noddfa.notifications.delivery;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ids of every event consumed, so a redelivered record is recognised. */
@Repository
public class InboxRepository {

	private final JdbcClient jdbc;

	InboxRepository(JdbcClient jdbc) {
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
