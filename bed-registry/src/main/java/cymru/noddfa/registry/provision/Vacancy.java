package cymru.noddfa.registry.provision;

import java.time.Instant;

/**
 * Beds of one type at one provision. {@code confirmedAt} is the last time a person at the
 * provider said the counts are true; placements change the counts without confirming
 * them.
 */
public record Vacancy(BedType bedType, int total, int available, Instant confirmedAt, Instant updatedAt) {

	static final int MOST_BEDS = 999;

	public Vacancy {
		check(total, available);
	}

	static void check(int total, int available) {
		if (total < 0 || total > MOST_BEDS) {
			throw new InvalidValue("total", "out-of-range", total, 0, MOST_BEDS);
		}
		if (available < 0) {
			throw new InvalidValue("available", "out-of-range", available, 0, total);
		}
		if (available > total) {
			throw new InvalidValue("available", "available-exceeds-total", available, total);
		}
	}

}
