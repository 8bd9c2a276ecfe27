package cymru.noddfa.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a report says about the run as a whole.
 *
 * @param loadAtEnd the load averages when the run ended
 * @param speedCheckAtEndMs the {@link SpeedCheck} when the run ended
 * @param settings one line per setting worth knowing, {@code name: value}
 * @param quick shortened windows: the figures are not for comparison
 * @param busyAllowed started above the load limit because {@code --allow-busy} said so
 * @param postgis why the PostGIS variant of the peer ran or did not
 */
public record Heading(Instant at, Machine machine, String loadAtEnd, double speedCheckAtEndMs, Duration took,
		String command, List<String> settings, boolean quick, boolean busyAllowed, String postgis) {
}
