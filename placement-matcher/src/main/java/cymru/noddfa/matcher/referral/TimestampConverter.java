package cymru.noddfa.matcher.referral;

import java.sql.Timestamp;
import java.time.Instant;

/** Instants to and from the driver's timestamps, {@code null} staying {@code null}. */
final class TimestampConverter {

	private TimestampConverter() {
	}

	static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
