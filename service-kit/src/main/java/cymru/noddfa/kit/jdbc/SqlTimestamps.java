package cymru.noddfa.kit.jdbc;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Instants to and from the driver's timestamps, {@code null} staying {@code null}: for
 * repositories, so that {@code java.sql} stays at the edge.
 */
public final class SqlTimestamps {

	private SqlTimestamps() {
	}

	public static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	public static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
