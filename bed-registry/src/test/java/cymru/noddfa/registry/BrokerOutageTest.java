package cymru.noddfa.registry;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cymru.noddfa.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BrokerOutageTest extends RegistryComponentTest {

	static final int PROVISIONS = 50;

	static final int UPDATES = 1_000;

	@Test
	void a_thousand_updates_across_fifty_provisions_survive_a_broker_outage_in_order_with_none_missing(
			TestInfrastructure infra) {
		String prefix = unique("outage");
		Map<String, Long> versions = new HashMap<>();
		for (int p = 0; p < PROVISIONS; p++) {
			String id = prefix + "-" + p;
			create(id);
			versions.put(id, 1L);
		}

		try {
			for (int i = 0; i < UPDATES; i++) {
				if (i == UPDATES / 4) {
					infra.stopKafka();
				}
				if (i == UPDATES * 3 / 4) {
					infra.startKafka();
				}
				String id = prefix + "-" + (i % PROVISIONS);
				Api.Response response = this.api.put("/v1/provisions/" + id + "/vacancies/CRISIS",
						"{\"total\": 20, \"available\": " + (i * 7 % 21) + "}", "If-Match",
						"\"" + versions.get(id) + "\"");
				assertThat(response.status()).as(response.toString()).isEqualTo(200);
				versions.put(id, versions.get(id) + 1);
			}
		}
		finally {
			infra.startKafka();
		}

		await().atMost(Duration.ofSeconds(120))
			.until(() -> this.jdbc.sql("select count(*) from outbox where message_key like ? and published_at is null")
				.param(prefix + "-%")
				.query(Long.class)
				.single() == 0);
		long expectedLast = 1 + UPDATES / PROVISIONS;
		List<ConsumerRecord<String, String>> records = Topics.consume("registry.provision-state.v1",
				(r) -> r.key() != null && r.key().startsWith(prefix + "-"),
				(seen) -> lastVersions(seen).values().stream().filter((v) -> v == expectedLast).count() == PROVISIONS);

		Map<String, List<ConsumerRecord<String, String>>> byProvision = records.stream()
			.collect(Collectors.groupingBy(ConsumerRecord::key));
		assertThat(byProvision).hasSize(PROVISIONS);
		byProvision.forEach((id, stream) -> {
			// a consumer ignores anything not newer than what it holds; what it keeps
			// must
			// then be every version, one after the other
			long held = 0;
			JsonNode state = null;
			for (ConsumerRecord<String, String> record : stream) {
				JsonNode value = Api.parse(record.value());
				long version = value.get("version").asLong();
				if (version > held) {
					assertThat(version).as("%s after version %d", id, held).isEqualTo(held + 1);
					held = version;
					state = value;
				}
			}
			assertThat(held).isEqualTo(expectedLast);
			assertThat(state).as(id).isEqualTo(this.api.get("/v1/provisions/" + id).json());
		});
	}

	private static Map<String, Long> lastVersions(List<ConsumerRecord<String, String>> records) {
		Map<String, Long> last = new HashMap<>();
		for (ConsumerRecord<String, String> record : records) {
			last.merge(record.key(), Api.parse(record.value()).get("version").asLong(), Math::max);
		}
		return last;
	}

}
