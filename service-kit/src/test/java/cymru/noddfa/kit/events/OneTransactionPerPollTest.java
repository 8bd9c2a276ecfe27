package cymru.noddfa.kit.events;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import cymru.noddfa.testsupport.SharedInfrastructure;
import cymru.noddfa.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Against the test JVM's real PostgreSQL: its transaction ids say what committed
 * together.
 */
class OneTransactionPerPollTest {

	private static JdbcClient jdbc;

	private static TransactionTemplate transactions;

	@BeforeAll
	static void database() {
		TestInfrastructure infra = SharedInfrastructure.get();
		infra.createDatabase("kit_events");
		SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(),
				infra.jdbcUrl("kit_events"), infra.jdbcUsername(), infra.jdbcPassword());
		jdbc = JdbcClient.create(dataSource);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		jdbc.sql("create table if not exists handled (batch text, record_key text, tx bigint)").update();
	}

	@Test
	void a_polls_records_commit_in_one_transaction() {
		String batch = UUID.randomUUID().toString();

		OneTransactionPerPoll.handle(transactions, records(5), (record) -> store(batch, record));

		assertThat(keys(batch)).containsExactly("0", "1", "2", "3", "4");
		assertThat(jdbc.sql("select count(distinct tx) from handled where batch = ?")
			.param(batch)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void a_record_that_fails_is_named_to_the_error_handler_and_those_before_it_stay_handled() {
		String batch = UUID.randomUUID().toString();
		UnreadableEvent unreadable = new UnreadableEvent("not a provision state", null);

		BatchListenerFailedException failed = catchThrowableOfType(BatchListenerFailedException.class,
				() -> OneTransactionPerPoll.handle(transactions, records(5), (record) -> {
					store(batch, record);
					if (record.key().equals("2")) {
						throw unreadable;
					}
				}));

		assertThat(failed.getIndex()).isEqualTo(2);
		assertThat(failed.getCause()).isSameAs(unreadable);
		// the failed batch rolled back; the two before the bad record were handled again,
		// each on its own; the bad one's write rolled back; nothing after it was handled
		assertThat(keys(batch)).containsExactly("0", "1");
	}

	private static List<ConsumerRecord<String, String>> records(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> new ConsumerRecord<>("registry.provision-state.v1", 0, i, Integer.toString(i), "{}"))
			.toList();
	}

	private static void store(String batch, ConsumerRecord<String, String> record) {
		jdbc.sql("insert into handled (batch, record_key, tx) values (?, ?, txid_current())")
			.params(batch, record.key())
			.update();
	}

	private static List<String> keys(String batch) {
		return jdbc.sql("select record_key from handled where batch = ? order by record_key")
			.param(batch)
			.query(String.class)
			.list();
	}

}
