package cymru.noddfa.matcher.availability;

import java.time.LocalTime;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * What a search in SQL tests of each provision state, one array per column of
 * {@code provision_state}, to be written with the states in one statement. A list (needs,
 * exclusions, bed types, window bounds) travels as one text joined by the unit separator
 * (U+001F), which no code or time contains, and is split again by PostgreSQL; window
 * {@code n} opens at {@code admissionFrom[n]} and closes at {@code admissionTo[n]}.
 */
record SearchableColumns(String[] provisionIds, Long[] versions, String[] regionCodes, String[] statuses, Double[] lats,
		Double[] lons, Integer[] ageMins, Integer[] ageMaxes, String[] accepts, String[] needsMet, String[] exclusions,
		String[] bedTypes, Boolean[] admitsAlways, String[] admissionFrom, String[] admissionTo,
		Integer[] stalenessWindowHours) {

	private static final String SEPARATOR = "\u001f";

	static SearchableColumns of(List<ProvisionState> states) {
		return new SearchableColumns(column(states, ProvisionState::provisionId, String[]::new),
				column(states, ProvisionState::version, Long[]::new),
				column(states, ProvisionState::regionCode, String[]::new),
				column(states, ProvisionState::status, String[]::new),
				column(states, (state) -> (state.location() != null) ? state.location().lat() : null, Double[]::new),
				column(states, (state) -> (state.location() != null) ? state.location().lon() : null, Double[]::new),
				column(states, (state) -> state.ageRange().min(), Integer[]::new),
				column(states, (state) -> state.ageRange().max(), Integer[]::new),
				column(states, ProvisionState::accepts, String[]::new),
				column(states, (state) -> joined(state.needsMet()), String[]::new),
				column(states, (state) -> joined(state.exclusions()), String[]::new),
				column(states,
						(state) -> joined(state.vacancies().stream().map(ProvisionState.Vacancy::bedType).toList()),
						String[]::new),
				column(states, (state) -> state.admissions().always(), Boolean[]::new),
				column(states, (state) -> bounds(state, ProvisionState.Window::from), String[]::new),
				column(states, (state) -> bounds(state, ProvisionState.Window::to), String[]::new),
				column(states, ProvisionState::stalenessWindowHours, Integer[]::new));
	}

	private static <T> T[] column(List<ProvisionState> states, Function<ProvisionState, T> value,
			IntFunction<T[]> array) {
		return states.stream().map(value).toArray(array);
	}

	private static String bounds(ProvisionState state, Function<ProvisionState.Window, LocalTime> bound) {
		return state.admissions()
			.windows()
			.stream()
			.map(bound)
			.map(LocalTime::toString)
			.collect(Collectors.joining(SEPARATOR));
	}

	/**
	 * A list as one text for an array column, split again by PostgreSQL with
	 * {@code string_to_array(x, chr(31))}.
	 */
	static String joined(List<String> values) {
		return String.join(SEPARATOR, values);
	}

}
