package cymru.noddfa.matcher.availability;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisionStateProblemsTest {

	private static final ProvisionState FINE = new ProvisionState("bridgend-hub", 3, "provider", "Hub", "CRISIS_UNIT",
			"CTM", new ProvisionState.Location(51.5, -3.58), new ProvisionState.AgeRange(11, 17), "ANY",
			List.of("MH_CRISIS"), List.of(), new ProvisionState.Admissions(true, List.of()), "OPEN", 12,
			List.of(new ProvisionState.Vacancy("CRISIS", 3, 1, Instant.now(), Instant.now())), "01656 752752");

	@Test
	void a_whole_state_under_its_own_key_has_none() {
		assertThat(FINE.problems("bridgend-hub")).isEmpty();
	}

	static Stream<Arguments> unusable() {
		return Stream.<Arguments>of(
				Arguments.of("no id",
						(UnaryOperator<ProvisionState>) (s) -> copy(s, null, s.version(), s.regionCode(), s.status(),
								s.location(), s.vacancies(), s.admissions())),
				Arguments.of("another key's id",
						(UnaryOperator<ProvisionState>) (s) -> copy(s, "other", s.version(), s.regionCode(), s.status(),
								s.location(), s.vacancies(), s.admissions())),
				Arguments.of("version 0",
						(UnaryOperator<ProvisionState>) (s) -> copy(s, s.provisionId(), 0, s.regionCode(), s.status(),
								s.location(), s.vacancies(), s.admissions())),
				Arguments.of("no region",
						(UnaryOperator<ProvisionState>) (s) -> copy(s, s.provisionId(), s.version(), " ", s.status(),
								s.location(), s.vacancies(), s.admissions())),
				Arguments.of("no status",
						(UnaryOperator<ProvisionState>) (s) -> copy(s, s.provisionId(), s.version(), s.regionCode(),
								null, s.location(), s.vacancies(), s.admissions())),
				Arguments.of("no location",
						(UnaryOperator<ProvisionState>) (s) -> copy(s, s.provisionId(), s.version(), s.regionCode(),
								s.status(), null, s.vacancies(), s.admissions())),
				Arguments.of("beyond a GEO index's latitudes",
						(UnaryOperator<ProvisionState>) (s) -> copy(s, s.provisionId(), s.version(), s.regionCode(),
								s.status(), new ProvisionState.Location(86, 0), s.vacancies(), s.admissions())),
				Arguments.of("a vacancy without a bed type", (UnaryOperator<ProvisionState>) (s) -> copy(s,
						s.provisionId(), s.version(), s.regionCode(), s.status(), s.location(),
						List.of(new ProvisionState.Vacancy(null, 2, 1, Instant.now(), Instant.now())), s.admissions())),
				Arguments.of("a window without its end",
						(UnaryOperator<ProvisionState>) (s) -> copy(s, s.provisionId(), s.version(), s.regionCode(),
								s.status(), s.location(), s.vacancies(), new ProvisionState.Admissions(false,
										List.of(new ProvisionState.Window(LocalTime.of(9, 0), null))))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("unusable")
	void a_state_that_can_never_be_applied_says_why(String what, UnaryOperator<ProvisionState> change) {
		assertThat(change.apply(FINE).problems("bridgend-hub")).hasSize(1);
	}

	private static ProvisionState copy(ProvisionState s, String id, long version, String region, String status,
			ProvisionState.Location location, List<ProvisionState.Vacancy> vacancies,
			ProvisionState.Admissions admissions) {
		return new ProvisionState(id, version, s.providerId(), s.name(), s.kind(), region, location, s.ageRange(),
				s.accepts(), s.needsMet(), s.exclusions(), admissions, status, s.stalenessWindowHours(), vacancies,
				s.onCallPhone());
	}

}
