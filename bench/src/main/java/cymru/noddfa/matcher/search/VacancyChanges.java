package cymru.noddfa.matcher.search;

import java.util.ArrayList;
import java.util.List;

import cymru.noddfa.matcher.availability.ProvisionState;

/**
 * Providers' vacancy updates, cycled through every provision in turn: in one round each
 * provision's first bed type goes to no beds available (or, if it had none, to all of
 * them), in the next round back, always at a higher version. Every update therefore moves
 * a provision off or onto a pool, as a real one does when the last bed goes or one frees
 * up, and none is dropped as stale.
 */
final class VacancyChanges {

	private final List<ProvisionState> created;

	private final List<ProvisionState> changed;

	VacancyChanges(List<ProvisionState> created) {
		this.created = List.copyOf(created);
		this.changed = new ArrayList<>(created.size());
		for (ProvisionState state : created) {
			this.changed.add(flipped(state));
		}
	}

	/**
	 * The {@code n}th update: provision {@code n % size} in round {@code n / size}, at
	 * version round + 2 (the created state is version 1).
	 */
	ProvisionState next(long n) {
		int provision = (int) (n % this.created.size());
		long round = n / this.created.size();
		ProvisionState base = (round % 2 == 0) ? this.changed.get(provision) : this.created.get(provision);
		return CreatedProvisionState.atVersion(base, round + 2);
	}

	private static ProvisionState flipped(ProvisionState state) {
		List<ProvisionState.Vacancy> vacancies = new ArrayList<>(state.vacancies());
		if (!vacancies.isEmpty()) {
			ProvisionState.Vacancy first = vacancies.get(0);
			int available = (first.available() > 0) ? 0 : first.total();
			vacancies.set(0, new ProvisionState.Vacancy(first.bedType(), first.total(), available, first.confirmedAt(),
					first.updatedAt()));
		}
		return new ProvisionState(state.provisionId(), state.version(), state.providerId(), state.name(), state.kind(),
				state.regionCode(), state.location(), state.ageRange(), state.accepts(), state.needsMet(),
				state.exclusions(), state.admissions(), state.status(), state.stalenessWindowHours(), vacancies,
				state.onCallPhone());
	}

}
