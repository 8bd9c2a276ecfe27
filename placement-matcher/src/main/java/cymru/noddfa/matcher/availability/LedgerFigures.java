package cymru.noddfa.matcher.availability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ledger rows a fold writes, one array per column, for one statement over many
 * states: a row per bed type the matcher knows, the first of a state's vacancies of that
 * type if it lists one twice. Times travel as ISO-8601 text, cast by PostgreSQL.
 */
record LedgerFigures(String[] provisionIds, String[] bedTypes, Integer[] availables, Long[] versions,
		String[] updatedAts) {

	static LedgerFigures of(List<ProvisionState> states) {
		List<String> provisionIds = new ArrayList<>();
		List<String> bedTypes = new ArrayList<>();
		List<Integer> availables = new ArrayList<>();
		List<Long> versions = new ArrayList<>();
		List<String> updatedAts = new ArrayList<>();
		for (ProvisionState state : states) {
			Set<String> seen = new LinkedHashSet<>();
			for (ProvisionState.Vacancy vacancy : state.vacancies()) {
				if (BedType.parse(vacancy.bedType()).isEmpty() || !seen.add(vacancy.bedType())) {
					continue;
				}
				provisionIds.add(state.provisionId());
				bedTypes.add(vacancy.bedType());
				availables.add(Math.max(0, vacancy.available()));
				versions.add(state.version());
				updatedAts.add((vacancy.updatedAt() != null) ? vacancy.updatedAt().toString() : null);
			}
		}
		return new LedgerFigures(provisionIds.toArray(String[]::new), bedTypes.toArray(String[]::new),
				availables.toArray(Integer[]::new), versions.toArray(Long[]::new), updatedAts.toArray(String[]::new));
	}

	/**
	 * The bed types the matcher knows in the state, joined: every other row of the
	 * provision is emptied.
	 */
	static String presentBedTypes(ProvisionState state) {
		return SearchableColumns.joined(state.vacancies()
			.stream()
			.map(ProvisionState.Vacancy::bedType)
			.filter((bedType) -> BedType.parse(bedType).isPresent())
			.toList());
	}

}
