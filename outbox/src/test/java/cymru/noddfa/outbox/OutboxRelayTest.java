package cymru.noddfa.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cymru.noddfa.testsupport.TestInfrastructure;
import cymru.noddfa.testsupport.WithInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@WithInfrastructure(database = "outbox_test")
@SpringBootTest(classes = OutboxRelayTest.TestApplication.class)
class OutboxRelayTest {

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_committed_event_reaches_kafka_with_cloudevents_headers() {
		String topic = "outbox-test-" + UUID.randomUUID();
		OutboxMessage message = message(topic, "provision-1", "{\"n\":1}");

		this.transactions.executeWithoutResult((tx) -> this.outbox.append(message));

		List<ConsumerRecord<String, String>> records = consume(topic, 1);
		ConsumerRecord<String, String> record = records.get(0);
		assertThat(record.key()).isEqualTo("provision-1");
		assertThat(record.value()).isEqualTo("{\"n\":1}");
		assertThat(header(record, "ce_id")).isEqualTo(message.eventId().toString());
		assertThat(header(record, "ce_type")).isEqualTo("cymru.noddfa.test.Happened.v1");
		assertThat(header(record, "ce_source")).isEqualTo("/noddfa/outbox-test");
		assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(record, "ce_subject")).isEqualTo("provision-1");
		assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(message.occurredAt());
	}

	@Test
	void a_rolled_back_change_leaves_no_event() {
		String topic = "outbox-test-" + UUID.randomUUID();
		this.transactions.executeWithoutResult((tx) -> {
			this.outbox.append(message(topic, "k", "{}"));
			tx.setRollbackOnly();
		});
		assertThat(this.jdbc.sql("select count(*) from outbox where topic = ?").param(topic).query(Long.class).single())
			.isZero();
	}

	@Test
	void appending_outside_a_transaction_is_refused() {
		assertThatThrownBy(() -> this.outbox.append(message("t", "k", "{}")))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	@Test
	void events_written_while_the_broker_is_down_wait_and_then_leave_in_order(TestInfrastructure infra) {
		String topic = "outbox-test-" + UUID.randomUUID();
		this.transactions.executeWithoutResult((tx) -> this.outbox.append(message(topic, "p", "0")));
		consume(topic, 1);

		infra.stopKafka();
		try {
			for (int i = 1; i <= 20; i++) {
				String value = String.valueOf(i);
				this.transactions.executeWithoutResult((tx) -> this.outbox.append(message(topic, "p", value)));
			}
			assertThat(waiting(topic)).isEqualTo(20);
		}
		finally {
			infra.startKafka();
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> waiting(topic) == 0);
		List<String> values = consume(topic, 21).stream().map(ConsumerRecord::value).distinct().toList();
		assertThat(values).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13",
				"14", "15", "16", "17", "18", "19", "20");
	}

	@Test
	void events_written_before_the_database_went_away_leave_once_it_is_back(TestInfrastructure infra) {
		String topic = "outbox-test-" + UUID.randomUUID();
		infra.stopKafka();
		try {
			this.transactions.executeWithoutResult((tx) -> this.outbox.append(message(topic, "p", "kept")));
			infra.stopPostgres();
			infra.startPostgres();
		}
		finally {
			infra.startKafka();
		}

		assertThat(consume(topic, 1)).extracting(ConsumerRecord::value).contains("kept");
		await().atMost(Duration.ofSeconds(60)).until(() -> waiting(topic) == 0);
	}

	@Test
	void events_of_one_aggregate_leave_in_the_order_their_writers_committed(TestInfrastructure infra) throws Exception {
		String topic = "outbox-test-" + UUID.randomUUID();
		// both rows wait for the relay together, as after any pause of it
		infra.stopKafka();
		List<String> committed = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch firstAppended = new CountDownLatch(1);
		CountDownLatch mayCommit = new CountDownLatch(1);
		ExecutorService writers = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = writers.submit(() -> this.transactions.executeWithoutResult((tx) -> {
				this.outbox.append(message(topic, "aggregate", "first-appended"));
				firstAppended.countDown();
				released(mayCommit);
				committed.add("first-appended");
			}));
			released(firstAppended);
			Future<?> second = writers.submit(() -> {
				this.transactions
					.executeWithoutResult((tx) -> this.outbox.append(message(topic, "aggregate", "second-appended")));
				committed.add("second-appended");
			});
			// the second writer, appending after the first, waits for it to commit
			await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(committed::isEmpty);
			mayCommit.countDown();
			first.get(10, TimeUnit.SECONDS);
			second.get(10, TimeUnit.SECONDS);
		}
		finally {
			mayCommit.countDown();
			writers.shutdownNow();
			infra.startKafka();
		}

		List<String> published = consume(topic, 2).stream().map(ConsumerRecord::value).distinct().toList();
		assertThat(published).containsExactlyElementsOf(List.copyOf(committed));
	}

	@Test
	void a_writer_that_waits_for_an_aggregates_turn_draws_its_id_only_once_it_has_it() throws Exception {
		String topic = "outbox-test-" + UUID.randomUUID();
		CountDownLatch firstAppended = new CountDownLatch(1);
		CountDownLatch secondWaits = new CountDownLatch(1);
		ExecutorService writers = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = writers.submit(() -> this.transactions.executeWithoutResult((tx) -> {
				this.outbox.append(message(topic, "aggregate", "first"));
				firstAppended.countDown();
				released(secondWaits);
				// appended after the second writer began its append, but committed before
				// it
				this.outbox.append(message(topic, "aggregate", "third"));
			}));
			released(firstAppended);
			Future<?> second = writers.submit(() -> this.transactions
				.executeWithoutResult((tx) -> this.outbox.append(message(topic, "aggregate", "second"))));
			await().atMost(Duration.ofSeconds(10))
				.until(() -> this.jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted")
					.query(Long.class)
					.single() > 0);
			secondWaits.countDown();
			first.get(10, TimeUnit.SECONDS);
			second.get(10, TimeUnit.SECONDS);
		}
		finally {
			secondWaits.countDown();
			writers.shutdownNow();
		}

		assertThat(this.jdbc.sql("select payload from outbox where topic = ? order by id")
			.param(topic)
			.query(String.class)
			.list()).as("id order is commit order").containsExactly("first", "third", "second");
	}

	private static void released(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("latch not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private long waiting(String topic) {
		return this.jdbc.sql("select count(*) from outbox where topic = ? and published_at is null")
			.param(topic)
			.query(Long.class)
			.single();
	}

	private static OutboxMessage message(String topic, String key, String payload) {
		return new OutboxMessage(UUID.randomUUID(), topic, key, "cymru.noddfa.test.Happened.v1", key,
				Instant.parse("2026-11-23T02:00:00.123Z"), payload);
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	private static List<ConsumerRecord<String, String>> consume(String topic, int atLeast) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"), "group.id",
						"outbox-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return records.size() >= atLeast;
			});
		}
		return records;
	}

	@SpringBootApplication
	static class TestApplication {

	}

}
