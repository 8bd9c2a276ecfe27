package cymru.noddfa.registry.provision;

import java.time.Instant;

/**
 * One recorded change of a provision's vacancies or status: who, when, before, after.
 * {@code before} and {@code after} are {@link Counts} for vacancy changes and
 * {@link StatusOf} for status changes.
 */
public record HistoryEntry(long version, Instant at, String actor, Change change, BedType bedType, Object before,
		Object after, String reason) {

	public enum Change {

		CREATED, DETAILS_UPDATED, VACANCY_SET, VACANCY_CONFIRMED, PLACEMENT_STARTED, PLACEMENT_ENDED, PAUSED, REOPENED,
		CLOSED, APPROVED

	}

	public record Counts(int total, int available, Instant confirmedAt) {

		static Counts of(Vacancy vacancy) {
			return (vacancy != null) ? new Counts(vacancy.total(), vacancy.available(), vacancy.confirmedAt()) : null;
		}

	}

	public record StatusOf(ProvisionStatus status, String reason) {
	}

}
