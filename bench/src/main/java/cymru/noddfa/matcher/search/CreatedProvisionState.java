package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import cymru.noddfa.bench.generate.SyntheticProvision;
import cymru.noddfa.matcher.availability.ProvisionState;

/**
 * The {@code registry.provision-state.v1} value the registry publishes for a generated
 * provision just created (version 1, open, every vacancy confirmed at creation), as the
 * matcher reads it: the whole-stack benchmark creates the same provisions through the
 * gateway, so both benchmarks search the same states.
 */
final class CreatedProvisionState {

	/** The registry's default, which the generator's create requests also send. */
	private static final int STALENESS_WINDOW_HOURS = 12;

	private CreatedProvisionState() {
	}

	static ProvisionState of(SyntheticProvision provision, Instant createdAt) {
		SyntheticProvision.Window window = provision.admissions();
		ProvisionState.Admissions admissions = window.always() ? new ProvisionState.Admissions(true, List.of())
				: new ProvisionState.Admissions(false, List
					.of(new ProvisionState.Window(LocalTime.parse(window.from()), LocalTime.parse(window.to()))));
		List<ProvisionState.Vacancy> vacancies = provision.vacancies()
			.stream()
			.map((beds) -> new ProvisionState.Vacancy(beds.bedType(), beds.total(), beds.available(), createdAt,
					createdAt))
			.toList();
		return new ProvisionState(provision.id(), 1, provision.providerId(), provision.name(), provision.kind(),
				provision.regionCode(), new ProvisionState.Location(provision.lat(), provision.lon()),
				new ProvisionState.AgeRange(provision.minAge(), provision.maxAge()), provision.accepts(),
				provision.needsMet(), provision.exclusions(), admissions, "OPEN", STALENESS_WINDOW_HOURS, vacancies,
				null);
	}

	/** The same state at another version, as the registry numbers each change. */
	static ProvisionState atVersion(ProvisionState state, long version) {
		return new ProvisionState(state.provisionId(), version, state.providerId(), state.name(), state.kind(),
				state.regionCode(), state.location(), state.ageRange(), state.accepts(), state.needsMet(),
				state.exclusions(), state.admissions(), state.status(), state.stalenessWindowHours(), state.vacancies(),
				state.onCallPhone());
	}

}
