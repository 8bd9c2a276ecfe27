package cymru.noddfa.outbox;

import java.sql.Timestamp;

import org.slf4j.MDC;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes events into the {@code outbox} table inside the caller's transaction, so an
 * event exists if and only if the change it describes was committed. The relay publishes
 * it.
 */
public class Outbox {

	private final JdbcClient jdbc;

	private final OutboxRelay relay;

	public Outbox(JdbcClient jdbc, OutboxRelay relay) {
		this.jdbc = jdbc;
		this.relay = relay;
	}

	public void append(OutboxMessage message) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			// an event written outside the change's transaction could outlive a
			// rolled-back change
			throw new IllegalTransactionStateException("Outbox.append needs the transaction of the change it reports");
		}
		this.jdbc.sql("""
				insert into outbox (event_id, topic, message_key, event_type, subject, occurred_at, payload, request_id)
				values (:eventId, :topic, :key, :type, :subject, :occurredAt, :payload, :requestId)
				""")
			.param("eventId", message.eventId())
			.param("topic", message.topic())
			.param("key", message.key())
			.param("type", message.type())
			.param("subject", message.subject())
			.param("occurredAt", Timestamp.from(message.occurredAt()))
			.param("payload", message.payload())
			.param("requestId", MDC.get("requestId"))
			.update();
		this.relay.wakeUpAfterCommit();
	}

}
