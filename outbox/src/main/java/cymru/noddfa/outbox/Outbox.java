package cymru.noddfa.outbox;

import java.sql.Timestamp;
import java.sql.Types;

import lombok.RequiredArgsConstructor;
import org.slf4j.MDC;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes events into the {@code outbox} table inside the caller's transaction, so an
 * event exists if and only if the change it describes was committed. The relay publishes
 * it. Events of one aggregate (one topic and key) leave in the order their transactions
 * committed: concurrent writers of the same aggregate take turns from their append to
 * their commit.
 */
@RequiredArgsConstructor
public class Outbox {

	/**
	 * The first half of the two-integer advisory lock keys of aggregates (a space apart
	 * from the relay's single-bigint publisher lock).
	 */
	private static final int AGGREGATE_LOCKS = 0x4f424f58;

	private final JdbcClient jdbc;

	private final OutboxRelay relay;

	public void append(OutboxMessage message) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			// an event written outside the change's transaction could outlive a
			// rolled-back change
			throw new IllegalTransactionStateException("Outbox.append needs the transaction of the change it reports");
		}
		// one writer per aggregate at a time, from here to its commit: the next writer's
		// row gets its id only after this one is visible, so id order is commit order
		// for every key and the relay's "order by id" keeps each aggregate's events in
		// the order they were committed (see docs/architecture.md, Event contracts).
		// One statement, one round trip: the row, and with it its id, is made from the
		// materialised turn's one row, so only once the lock is held
		this.jdbc.sql("""
				with aggregate_turn as materialized (
				    select pg_advisory_xact_lock(:locks, hashtext(:topic || '/' || :key))
				)
				insert into outbox (event_id, topic, message_key, event_type, subject, occurred_at, payload, request_id)
				select cast(:eventId as uuid), :topic, :key, :type, :subject, cast(:occurredAt as timestamptz),
				    cast(:payload as text), cast(:requestId as text)
				from aggregate_turn
				""")
			.param("locks", AGGREGATE_LOCKS)
			.param("eventId", message.eventId())
			.param("topic", message.topic())
			.param("key", message.key())
			.param("type", message.type())
			.param("subject", message.subject())
			.param("occurredAt", Timestamp.from(message.occurredAt()))
			.param("payload", message.payload(), Types.VARCHAR)
			.param("requestId", MDC.get("requestId"), Types.VARCHAR)
			.update();
		this.relay.wakeUpAfterCommit();
	}

}
