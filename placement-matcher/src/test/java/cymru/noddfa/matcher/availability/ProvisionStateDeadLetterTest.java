package cymru.noddfa.matcher.availability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import cymru.noddfa.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 16, the read model: only what can never be applied is dead-lettered. A record
 * that met the matcher's own database or Redis away is applied when they return.
 */
class ProvisionStateDeadLetterTest extends MatcherComponentTest {

	private static final String DEAD_LETTERS = ProvisionStates.TOPIC + ".dlt";

	private final ProvisionStates registry = new ProvisionStates();

	private final KafkaConsumer<String, String> deadLetters = new KafkaConsumer<>(
			Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"), "group.id",
					"dlt-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
			new StringDeserializer(), new StringDeserializer());

	private final List<ConsumerRecord<String, String>> parked = new ArrayList<>();

	@AfterEach
	void close() {
		this.registry.close();
		this.deadLetters.close();
	}

	@Test
	void an_unreadable_provision_state_is_parked_on_the_dead_letter_topic_and_the_next_one_is_still_folded()
			throws Exception {
		String broken = ProvisionStates.uniqueId("broken");
		send(broken, "{not json");
		var fine = ProvisionStates.provision(ProvisionStates.uniqueId("fine")).at(ProvisionStates.somewhereApart());
		this.registry.publish(fine);

		await().atMost(Duration.ofSeconds(30)).until(() -> parked(broken));
		assertThat(this.parked.stream().filter((r) -> broken.equals(r.key())).findFirst().orElseThrow().value())
			.isEqualTo("{not json");
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", fine.id()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value(1)));
	}

	/**
	 * Each is JSON of the right shape that lacks something the read model needs; none can
	 * ever be applied, so none waits out a minute of retries first.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			no location              | "location": null
			a latitude Redis cannot index | "location": {"lat": 89.5, "lon": -3.2}
			version 0                | "version": 0
			no region                | "regionCode": null
			another provision's id   | "provisionId": "someone-else"
			a vacancy without a bed type | "vacancies": [{"total": 2, "available": 1}]
			""")
	void a_provision_state_that_lacks_what_the_matcher_needs_is_dead_lettered_at_once(String what, String field)
			throws Exception {
		String id = ProvisionStates.uniqueId("unusable");
		send(id, state(id, field));

		await().atMost(Duration.ofSeconds(30)).until(() -> parked(id));
		this.mvc.perform(get("/v1/availability/{id}", id)).andExpect(status().isNotFound());
	}

	/**
	 * The database refuses every write of this provision's ledger rows for three times as
	 * long as a defect is retried for (5 s in these tests): a real PostgreSQL error
	 * (SQLSTATE 55P03, a lock not available, as a lock timeout raises), from a trigger,
	 * for this provision only.
	 */
	@Test
	void a_provision_state_met_by_a_database_failure_is_retried_until_it_applies_and_is_never_dead_lettered(
			TestInfrastructure infra) throws Exception {
		var provision = ProvisionStates.provision(ProvisionStates.uniqueId("retried"))
			.at(ProvisionStates.somewhereApart())
			.onlyBeds("CRISIS", 3, 3);
		this.registry.publish(provision);
		awaitAvailable(provision.id(), 1, 3);

		try (Connection database = DriverManager.getConnection(infra.jdbcUrl("matcher"), infra.jdbcUsername(),
				infra.jdbcPassword())) {
			refuseLedgerWrites(database, provision.id());
			try {
				this.registry.publish(provision.version(2).onlyBeds("CRISIS", 3, 0));
				await().during(Duration.ofSeconds(15))
					.atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> !parked(provision.id()) && ledgerVersion(database, provision.id()) == 1);
			}
			finally {
				acceptLedgerWrites(database);
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> ledgerVersion(database, provision.id()) == 2);
		}
		awaitAvailable(provision.id(), 2, 0);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !parked(provision.id()));
	}

	/**
	 * The fold takes a poll's records together; when that fails for a reason of one
	 * record's own, the record at fault is the one retried and parked, never another of
	 * its poll.
	 */
	@Test
	void a_record_that_fails_for_its_own_reason_is_parked_and_the_others_of_its_poll_are_folded(
			TestInfrastructure infra) throws Exception {
		var fine = ProvisionStates.provision(ProvisionStates.uniqueId("fine"))
			.at(ProvisionStates.somewhereApart())
			.onlyBeds("CRISIS", 2, 2);
		var faulty = ProvisionStates.provision(ProvisionStates.uniqueId("faulty"))
			.at(ProvisionStates.somewhereApart())
			.onlyBeds("CRISIS", 2, 2);
		try (Connection database = DriverManager.getConnection(infra.jdbcUrl("matcher"), infra.jdbcUsername(),
				infra.jdbcPassword())) {
			refuseLedgerWrites(database, faulty.id(), "P0001");
			try {
				this.registry.publishTogether(0, fine, faulty);
				awaitAvailable(fine.id(), 1, 2);
				await().atMost(Duration.ofSeconds(30)).until(() -> parked(faulty.id()));
			}
			finally {
				acceptLedgerWrites(database);
			}
		}
		assertThat(parked(fine.id())).as("the record folded is never parked").isFalse();
	}

	@Test
	void the_openapi_description_lists_the_public_paths() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/v1/searches']").exists())
			.andExpect(jsonPath("$.paths['/v1/referrals']").exists())
			.andExpect(jsonPath("$.paths['/v1/availability/{provisionId}']").exists());
	}

	private boolean parked(String key) {
		if (this.deadLetters.subscription().isEmpty()) {
			this.deadLetters.subscribe(List.of(DEAD_LETTERS));
		}
		this.deadLetters.poll(Duration.ofMillis(200)).forEach(this.parked::add);
		return this.parked.stream().anyMatch((r) -> key.equals(r.key()));
	}

	private void awaitAvailable(String id, long version, int available) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", id))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value(version))
				.andExpect(jsonPath("$.beds[0].available").value(available)));
	}

	private static void send(String key, String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers")),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(ProvisionStates.TOPIC, key, value)).get();
		}
	}

	/** A whole provision state as the registry sends it, with one field replaced. */
	private static String state(String id, String replaced) {
		double[] at = ProvisionStates.somewhereApart();
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put("provisionId", "\"" + id + "\"");
		fields.put("version", "1");
		fields.put("providerId", "\"test-provider\"");
		fields.put("name", "\"Unit " + id + "\"");
		fields.put("kind", "\"CRISIS_UNIT\"");
		fields.put("regionCode", "\"CTM\"");
		fields.put("location", "{\"lat\": %s, \"lon\": %s}".formatted(at[0], at[1]));
		fields.put("ageRange", "{\"min\": 11, \"max\": 17}");
		fields.put("accepts", "\"ANY\"");
		fields.put("needsMet", "[\"MH_CRISIS\"]");
		fields.put("exclusions", "[]");
		fields.put("admissions", "{\"always\": true, \"windows\": []}");
		fields.put("status", "\"OPEN\"");
		fields.put("stalenessWindowHours", "12");
		fields.put("vacancies", "[{\"bedType\": \"CRISIS\", \"total\": 2, \"available\": 1, "
				+ "\"confirmedAt\": \"2026-01-01T00:00:00Z\", \"updatedAt\": \"2026-01-01T00:00:00Z\"}]");
		String name = replaced.substring(replaced.indexOf('"') + 1, replaced.indexOf('"', 1));
		fields.put(name, replaced.substring(replaced.indexOf(':') + 1).trim());
		StringBuilder json = new StringBuilder("{");
		fields.forEach((key, value) -> json.append(json.length() > 1 ? ", " : "")
			.append('"')
			.append(key)
			.append("\": ")
			.append(value));
		return json.append('}').toString();
	}

	private static void refuseLedgerWrites(Connection database, String provisionId) throws SQLException {
		refuseLedgerWrites(database, provisionId, "55P03");
	}

	/**
	 * {@code 55P03} (lock not available) is the database being slow, retried until it
	 * passes; {@code P0001} (a raised exception) is a failure of the record's own.
	 */
	private static void refuseLedgerWrites(Connection database, String provisionId, String sqlState)
			throws SQLException {
		try (var statement = database.createStatement()) {
			statement.execute("""
					create or replace function refuse_ledger_writes() returns trigger language plpgsql as $$
					begin
					  if new.provision_id = '%s' then
					    raise exception 'bed_ledger refuses this provision for this test' using errcode = '%s';
					  end if;
					  return new;
					end $$""".formatted(provisionId, sqlState));
			statement.execute("""
					create trigger refuse_ledger_writes before insert or update on bed_ledger
					for each row execute function refuse_ledger_writes()""");
		}
	}

	private static void acceptLedgerWrites(Connection database) throws SQLException {
		try (var statement = database.createStatement()) {
			statement.execute("drop trigger if exists refuse_ledger_writes on bed_ledger");
			statement.execute("drop function if exists refuse_ledger_writes()");
		}
	}

	private static long ledgerVersion(Connection database, String provisionId) throws SQLException {
		try (PreparedStatement query = database
			.prepareStatement("select provision_version from bed_ledger where provision_id = ?")) {
			query.setString(1, provisionId);
			try (ResultSet rs = query.executeQuery()) {
				return rs.next() ? rs.getLong(1) : 0;
			}
		}
	}

}
