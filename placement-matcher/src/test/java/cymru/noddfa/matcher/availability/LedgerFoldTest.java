package cymru.noddfa.matcher.availability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll's states are folded in a few statements; the ledger and the recorded states end
 * as they would had each state been folded alone, in order: versions out of order,
 * several versions of one provision, bed types dropped and added, a bed type this matcher
 * does not know, one listed twice.
 */
class LedgerFoldTest extends MatcherComponentTest {

	private static final List<String> BED_TYPES = List.of("CRISIS", "ASSESSMENT", "SHORT_TERM", "SAFE_SPACE_PLACE",
			"HOVERCRAFT");

	@Autowired
	private BedLedgerRepository ledger;

	@Autowired
	private JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3 })
	void a_polls_states_folded_together_end_as_if_folded_one_at_a_time(long seed) {
		String stem = ProvisionStates.uniqueId("fold");
		List<List<ProvisionState>> polls = polls(new Random(seed), stem);

		for (List<ProvisionState> poll : polls) {
			poll.forEach((state) -> this.ledger.fold(renamed(state, "one")));
			this.ledger.fold(poll.stream().map((state) -> renamed(state, "together")).toList());
		}

		for (int provision = 0; provision < 4; provision++) {
			String one = stem + "-" + provision + "-one";
			String together = stem + "-" + provision + "-together";
			assertThat(recorded(together)).as("provision %d, seed %d", provision, seed).isEqualTo(recorded(one));
			assertThat(beds(together)).as("provision %d, seed %d", provision, seed).isEqualTo(beds(one));
		}
	}

	/**
	 * Polls of one to six states of four provisions, each provision's versions mostly
	 * rising, now and then one repeated or older.
	 */
	private static List<List<ProvisionState>> polls(Random random, String stem) {
		Map<Integer, Long> versions = new HashMap<>();
		List<List<ProvisionState>> polls = new ArrayList<>();
		for (int p = 0; p < 12; p++) {
			List<ProvisionState> poll = new ArrayList<>();
			for (int s = random.nextInt(6) + 1; s > 0; s--) {
				int provision = random.nextInt(4);
				long version = versions.merge(provision, 1L, Long::sum);
				if (random.nextInt(5) == 0) {
					version = Math.max(1, version - random.nextInt(3));
				}
				poll.add(state(stem + "-" + provision, version, random));
			}
			polls.add(poll);
		}
		return polls;
	}

	private static ProvisionState state(String id, long version, Random random) {
		List<ProvisionState.Vacancy> vacancies = new ArrayList<>();
		for (String bedType : BED_TYPES) {
			if (random.nextBoolean()) {
				vacancies.add(vacancy(bedType, random));
			}
		}
		if (!vacancies.isEmpty() && random.nextInt(4) == 0) {
			vacancies.add(vacancy(vacancies.get(0).bedType(), random));
		}
		return new ProvisionState(id, version, "provider-" + random.nextInt(2), "Provision " + id, "CRISIS_UNIT", "CTM",
				new ProvisionState.Location(51.5, -3.2), new ProvisionState.AgeRange(11, 17), "ANY",
				List.of("MH_CRISIS"), List.of(), new ProvisionState.Admissions(true, List.of()), "OPEN", 12, vacancies,
				null);
	}

	private static ProvisionState.Vacancy vacancy(String bedType, Random random) {
		Instant updated = Instant.parse("2026-12-01T00:00:00Z").plusSeconds(random.nextInt(4) * 60L);
		return new ProvisionState.Vacancy(bedType, 4, random.nextInt(4) - 1, updated, updated);
	}

	private static ProvisionState renamed(ProvisionState state, String suffix) {
		return new ProvisionState(state.provisionId() + "-" + suffix, state.version(), state.providerId(), state.name(),
				state.kind(), state.regionCode(), state.location(), state.ageRange(), state.accepts(), state.needsMet(),
				state.exclusions(), state.admissions(), state.status(), state.stalenessWindowHours(), state.vacancies(),
				state.onCallPhone());
	}

	private Map<String, Object> recorded(String id) {
		return this.jdbc.sql("select version, bed_types::text from provision_state where provision_id = :id")
			.param("id", id)
			.query()
			.singleRow();
	}

	/**
	 * The ledger's rows by bed type. A row that a state no longer lists has nothing
	 * available and nothing placed, whether it was emptied or never made: both read as
	 * "nothing here", so only the rows with something in them, and those the newest state
	 * lists, are compared whole.
	 */
	private Map<String, String> beds(String id) {
		Map<String, String> beds = new TreeMap<>();
		this.jdbc.sql("""
				select bed_type, available, placed, provision_version, vacancy_updated_at, provider_id
				  from bed_ledger b where provision_id = :id
				   and (available > 0 or placed > 0 or bed_type = any(coalesce(
				        (select bed_types from provision_state s where s.provision_id = b.provision_id), '{}')))
				""").param("id", id).query((rs, n) -> {
			beds.put(rs.getString(1), rs.getInt(2) + "/" + rs.getInt(3) + " v" + rs.getLong(4) + " "
					+ rs.getTimestamp(5) + " " + rs.getString(6));
			return null;
		}).list();
		return beds;
	}

}
