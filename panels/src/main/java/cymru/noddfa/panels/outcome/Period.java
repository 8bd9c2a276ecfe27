package cymru.noddfa.panels.outcome;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Whole days in Wales, {@code from} and {@code to} both included, at most five years
 * long: a referral belongs to the period when it was made from 00:00 on {@code from} to
 * before 00:00 on the day after {@code to}, Europe/London.
 */
public record Period(LocalDate from, LocalDate to) {

	static final ZoneId WALES = ZoneId.of("Europe/London");

	public Period {
		if (from == null) {
			throw new InvalidPeriod("from", "required");
		}
		if (to == null) {
			throw new InvalidPeriod("to", "required");
		}
		if (to.isBefore(from)) {
			throw new InvalidPeriod("to", "end-before-start");
		}
		if (to.isAfter(from.plusYears(5))) {
			throw new InvalidPeriod("to", "too-long");
		}
	}

	public Instant start() {
		return this.from.atStartOfDay(WALES).toInstant();
	}

	/** The first instant after the period. */
	public Instant end() {
		return this.to.plusDays(1).atStartOfDay(WALES).toInstant();
	}

}
