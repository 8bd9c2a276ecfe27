package cymru.noddfa.matcher.availability;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The columns the SQL search engine tests are written from the state each fold records,
 * in the same statement, so they never lag it: whatever engine a matcher answers with.
 */
class SearchableStateTest extends MatcherComponentTest {

	@Autowired
	private BedLedgerRepository ledger;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void a_folded_state_is_searchable_by_its_columns_and_a_newer_one_replaces_them() {
		String id = ProvisionStates.uniqueId("searchable");
		this.ledger.fold(state(id, 1, -40.5, -120.25, "OPEN", List.of("MH_CRISIS", "SELF_HARM"),
				new ProvisionState.Admissions(true, List.of())));

		assertThat(columns(id)).containsEntry("region_code", "CTM")
			.containsEntry("status", "OPEN")
			.containsEntry("lat", -40.5)
			.containsEntry("lon", -120.25)
			.containsEntry("age_min", 11)
			.containsEntry("age_max", 17)
			.containsEntry("accepts", "FEMALE")
			.containsEntry("needs_met", "{MH_CRISIS,SELF_HARM}")
			.containsEntry("exclusions", "{DRUG_USE}")
			.containsEntry("bed_types", "{CRISIS}")
			.containsEntry("admits_always", true)
			.containsEntry("admission_from", "{}")
			.containsEntry("staleness_window_hours", 6);

		this.ledger.fold(state(id, 2, -41.0, -121.5, "PAUSED", List.of("MH_CRISIS"),
				new ProvisionState.Admissions(false,
						List.of(new ProvisionState.Window(LocalTime.of(22, 0), LocalTime.of(6, 30)),
								new ProvisionState.Window(LocalTime.of(10, 0), LocalTime.of(12, 0))))));

		assertThat(columns(id)).containsEntry("status", "PAUSED")
			.containsEntry("lat", -41.0)
			.containsEntry("lon", -121.5)
			.containsEntry("needs_met", "{MH_CRISIS}")
			.containsEntry("admits_always", false)
			.containsEntry("admission_from", "{22:00:00,10:00:00}")
			.containsEntry("admission_to", "{06:30:00,12:00:00}");
	}

	@Test
	void an_older_state_leaves_the_columns_as_the_newer_one_made_them() {
		String id = ProvisionStates.uniqueId("searchable-order");
		this.ledger.fold(state(id, 3, -42.0, -122.0, "OPEN", List.of("MH_CRISIS"),
				new ProvisionState.Admissions(true, List.of())));

		this.ledger.fold(state(id, 2, -43.0, -123.0, "CLOSED", List.of("SELF_HARM"),
				new ProvisionState.Admissions(true, List.of())));

		assertThat(columns(id)).containsEntry("status", "OPEN")
			.containsEntry("lat", -42.0)
			.containsEntry("needs_met", "{MH_CRISIS}");
	}

	@Test
	void a_deleted_provision_keeps_no_status_or_place_to_be_found_by() {
		String id = ProvisionStates.uniqueId("searchable-gone");
		this.ledger.fold(state(id, 1, -44.0, -124.0, "OPEN", List.of("MH_CRISIS"),
				new ProvisionState.Admissions(true, List.of())));

		this.ledger.remove(id);

		Map<String, Object> columns = columns(id);
		assertThat(columns).containsEntry("status", null)
			.containsEntry("region_code", null)
			.containsEntry("lat", null)
			.containsEntry("lon", null)
			.containsEntry("bed_types", null);
	}

	private Map<String, Object> columns(String id) {
		return this.jdbc.sql("""
				select region_code, status, lat, lon, age_min, age_max, accepts, needs_met::text, exclusions::text,
				       bed_types::text, admits_always, admission_from::text, admission_to::text, staleness_window_hours
				  from provision_state where provision_id = :id
				""").param("id", id).query().singleRow();
	}

	private static ProvisionState state(String id, long version, double lat, double lon, String status,
			List<String> needsMet, ProvisionState.Admissions admissions) {
		return new ProvisionState(id, version, "test-provider", "Provision " + id, "CRISIS_UNIT", "CTM",
				new ProvisionState.Location(lat, lon), new ProvisionState.AgeRange(11, 17), "FEMALE", needsMet,
				List.of("DRUG_USE"), admissions, status, 6,
				List.of(new ProvisionState.Vacancy("CRISIS", 2, 1, Instant.now(), Instant.now())), null);
	}

}
