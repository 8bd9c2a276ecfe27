package cymru.noddfa.notifications.provision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import cymru.noddfa.notifications.ServiceTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll's provision states are folded together in a few statements; the vacancies, the
 * versions seen and the providers end as they would had each record been folded alone, in
 * order: versions out of order, several of one provision, bed types dropped and added,
 * providers changing.
 */
class ProvisionCopyFoldTest extends ServiceTest {

	private static final List<String> BED_TYPES = List.of("CRISIS", "ASSESSMENT", "SHORT_TERM", "SAFE_SPACE_PLACE");

	@Autowired
	private ProvisionStateListener listener;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void a_polls_states_folded_together_end_as_if_folded_one_at_a_time(long seed) {
		String stem = "copy-" + UUID.randomUUID().toString().substring(0, 8);
		Random random = new Random(seed);
		Map<Integer, Long> versions = new HashMap<>();
		for (int poll = 0; poll < 12; poll++) {
			List<ProvisionState> states = new ArrayList<>();
			for (int s = random.nextInt(6) + 1; s > 0; s--) {
				int provision = random.nextInt(4);
				long version = versions.merge(provision, 1L, Long::sum);
				if (random.nextInt(5) == 0) {
					version = Math.max(1, version - random.nextInt(3));
				}
				states.add(state(stem + "-" + provision, version, random));
			}
			for (ProvisionState state : states) {
				this.transactions.executeWithoutResult((tx) -> this.listener.fold(record(renamed(state, "one"))));
			}
			this.transactions.executeWithoutResult((tx) -> this.listener
				.foldTogether(states.stream().map((state) -> renamed(state, "together")).toList()));
		}

		for (int provision = 0; provision < 4; provision++) {
			String one = stem + "-" + provision + "-one";
			String together = stem + "-" + provision + "-together";
			assertThat(copy(together)).as("provision %d, seed %d", provision, seed).isEqualTo(copy(one));
		}
	}

	private static ProvisionState state(String id, long version, Random random) {
		List<ProvisionState.Vacancy> vacancies = new ArrayList<>();
		for (String bedType : BED_TYPES) {
			if (random.nextBoolean()) {
				vacancies.add(new ProvisionState.Vacancy(bedType,
						Instant.parse("2026-12-01T00:00:00Z").plusSeconds(random.nextInt(4) * 60L)));
			}
		}
		return new ProvisionState(id, version, (random.nextInt(3) == 0) ? null : "provider-" + random.nextInt(2),
				"Provision " + version, "CTM", random.nextBoolean() ? "OPEN" : "PAUSED", 6 + random.nextInt(3),
				vacancies);
	}

	private static ProvisionState renamed(ProvisionState state, String suffix) {
		return new ProvisionState(state.provisionId() + "-" + suffix, state.version(), state.providerId(), state.name(),
				state.regionCode(), state.status(), state.stalenessWindowHours(), state.vacancies());
	}

	private static ConsumerRecord<String, String> record(ProvisionState state) {
		StringBuilder vacancies = new StringBuilder();
		for (ProvisionState.Vacancy vacancy : state.vacancies()) {
			vacancies.append(vacancies.isEmpty() ? "" : ",")
				.append("{\"bedType\": \"%s\", \"confirmedAt\": \"%s\"}".formatted(vacancy.bedType(),
						vacancy.confirmedAt()));
		}
		String provider = (state.providerId() != null) ? "\"" + state.providerId() + "\"" : "null";
		String value = """
				{"provisionId": "%s", "version": %d, "providerId": %s, "name": "%s", "regionCode": "%s",
				 "status": "%s", "stalenessWindowHours": %d, "vacancies": [%s]}
				""".formatted(state.provisionId(), state.version(), provider, state.name(), state.regionCode(),
				state.status(), state.stalenessWindowHours(), vacancies);
		return new ConsumerRecord<>("registry.provision-state.v1", 0, 0, state.provisionId(), value);
	}

	/**
	 * Everything this service keeps of the provision, as text, the versions' stems alike.
	 */
	private List<String> copy(String id) {
		List<String> copy = new ArrayList<>(this.jdbc.sql("""
				select bed_type || ' ' || provision_name || ' ' || region_code || ' ' || status || ' '
				       || staleness_hours || ' ' || confirmed_at || ' ' || coalesce(reminded_for::text, '-')
				  from provision_vacancies where provision_id = ? order by bed_type
				""").param(id).query(String.class).list());
		copy.add("seen " + this.jdbc.sql("select version from provisions_seen where provision_id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.orElse(null));
		copy.add("provider " + this.jdbc.sql("select provider_id from provision_owners where provision_id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null));
		return copy;
	}

}
