package cymru.noddfa.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in the order they were written, then marks them sent.
 * <p>
 * Only one relay per database publishes at a time (a transaction-scoped advisory lock),
 * so the order per key holds however many instances of a service run. Delivery is at
 * least once: a crash between the send and the mark sends the rows again, and every
 * consumer deduplicates on the event id or the entity version.
 */
@Slf4j
public class OutboxRelay implements RunsOnWorkerLoop {

	/** Arbitrary but fixed: the advisory lock that elects the publishing relay. */
	private static final long PUBLISHER_LOCK = 0x4e6f64646661L;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final KafkaTemplate<String, String> kafka;

	private final OutboxProperties properties;

	private final WorkerLoop loop;

	private final Counter published;

	private final Timer lag;

	private volatile boolean databaseAnswered = true;

	private Instant lastCleanup = Instant.EPOCH;

	public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, String> kafka,
			OutboxProperties properties, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.kafka = kafka;
		this.properties = properties;
		this.published = Counter.builder("noddfa.outbox.published").register(meters);
		this.lag = Timer.builder("noddfa.outbox.lag")
			.description("time from the change's commit to the broker's acknowledgement")
			.publishPercentileHistogram()
			.register(meters);
		this.loop = new WorkerLoop("outbox-relay", properties.pollInterval(), properties.batchSize(),
				this::publishWhatWaits, this::pauseAfter);
	}

	/** Asks the relay to look now rather than at its next poll. */
	public void wakeUp() {
		this.loop.wakeUp();
	}

	/** Asks the relay to look as soon as the current transaction has committed. */
	public void wakeUpAfterCommit() {
		this.loop.wakeUpAfterCommit();
	}

	/**
	 * Publishes what is waiting, one batch. Returns how many rows were published, 0 when
	 * nothing waited, another instance holds the publisher lock, or the broker refused.
	 */
	public int publishBatch() {
		Integer count = this.transactions.execute((status) -> {
			Boolean elected = this.jdbc.sql("select pg_try_advisory_xact_lock(?)")
				.param(PUBLISHER_LOCK)
				.query(Boolean.class)
				.single();
			if (!elected) {
				return 0;
			}
			List<Row> rows = this.jdbc.sql("""
					select id, event_id, topic, message_key, event_type, subject, occurred_at, payload, request_id
					from outbox where published_at is null order by id limit ?
					""").param(this.properties.batchSize()).query(Row::of).list();
			if (rows.isEmpty()) {
				return 0;
			}
			List<Long> sent = send(rows);
			if (!sent.isEmpty()) {
				this.jdbc.sql("update outbox set published_at = now() where id = any(?)")
					.param(sent.toArray(Long[]::new))
					.update();
			}
			return sent.size();
		});
		return (count != null) ? count : 0;
	}

	/**
	 * Sends every row, then returns the ids of the unbroken run of rows the broker took.
	 */
	private List<Long> send(List<Row> rows) {
		List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
		try {
			for (Row row : rows) {
				acks.add(this.kafka.send(record(row)));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Kafka refused outbox rows ({}); they stay queued and are retried", ex.getMessage());
		}
		List<Long> sent = new ArrayList<>();
		long deadline = System.nanoTime() + this.properties.sendTimeout().toNanos();
		for (int i = 0; i < acks.size(); i++) {
			try {
				acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (Exception ex) {
				log.warn("Kafka did not acknowledge outbox event {} ({}); it and the {} after it stay queued",
						rows.get(i).eventId(), ex.getClass().getSimpleName(), rows.size() - i - 1);
				break;
			}
			Row row = rows.get(i);
			sent.add(row.id());
			this.published.increment();
			this.lag.record(Duration.between(row.occurredAt().toInstant(), Instant.now()));
		}
		return sent;
	}

	private ProducerRecord<String, String> record(Row row) {
		ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.messageKey(), row.payload());
		Headers headers = record.headers();
		header(headers, "ce_specversion", "1.0");
		header(headers, "ce_id", row.eventId().toString());
		header(headers, "ce_type", row.eventType());
		header(headers, "ce_source", this.properties.source());
		header(headers, "ce_time", row.occurredAt().toInstant().toString());
		header(headers, "ce_subject", row.subject());
		header(headers, "content-type", "application/json");
		if (row.requestId() != null) {
			header(headers, "X-Request-Id", row.requestId());
		}
		return record;
	}

	private static void header(Headers headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * One round of the relay's loop: makes sure the database answers again after an
	 * outage, clears out old rows now and then, and publishes a batch.
	 */
	private int publishWhatWaits() {
		if (!this.databaseAnswered) {
			// a transaction opened against a database that is away fails again on its
			// rollback, which Spring logs as an ERROR: ask outside a transaction first
			this.jdbc.sql("select 1").query(Integer.class).single();
			this.databaseAnswered = true;
			log.info("Outbox relay reaches its database again; publishing what waited");
		}
		cleanUpOccasionally();
		return publishBatch();
	}

	private Duration pauseAfter(RuntimeException ex) {
		if (ex instanceof DataAccessException || ex instanceof TransactionException) {
			if (this.databaseAnswered) {
				log.warn("Outbox relay cannot reach its database ({}); events wait in the outbox and are "
						+ "published when it returns", ex.getMessage());
			}
			this.databaseAnswered = false;
		}
		else {
			// the broker is away or refused: say so, wait a few polls, try again
			log.warn("Outbox relay could not publish ({}); retrying", ex.getMessage());
		}
		return this.properties.pollInterval().multipliedBy(5);
	}

	private void cleanUpOccasionally() {
		Instant now = Instant.now();
		if (Duration.between(this.lastCleanup, now).compareTo(Duration.ofHours(1)) < 0) {
			return;
		}
		this.lastCleanup = now;
		int removed = this.jdbc.sql("delete from outbox where published_at < ?")
			.param(Timestamp.from(now.minus(this.properties.retention())))
			.update();
		if (removed > 0) {
			log.info("Removed {} published outbox rows older than {}", removed, this.properties.retention());
		}
	}

	@Override
	public WorkerLoop loop() {
		return this.loop;
	}

	record Row(long id, UUID eventId, String topic, String messageKey, String eventType, String subject,
			Timestamp occurredAt, String payload, String requestId) {

		/**
		 * Read by position: mapping by name would first look for each camel-case name and
		 * fail, an exception per column of every row the relay reads.
		 */
		static Row of(ResultSet rs, int rowNum) throws SQLException {
			return new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getTimestamp(7), rs.getString(8), rs.getString(9));
		}

	}

}
