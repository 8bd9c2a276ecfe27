package cymru.noddfa.notifications.contact;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Local (Europe/London) hours in which a person hears only what needs action now; other
 * messages wait until the hours end. A window whose end is before its start crosses
 * midnight.
 */
public record QuietHours(LocalTime from, LocalTime to) {

	public static final ZoneId LONDON = ZoneId.of("Europe/London");

	public QuietHours {
		if (from == null || to == null || from.equals(to)) {
			throw new IllegalArgumentException("quiet hours need a start and a different end");
		}
	}

	/**
	 * When a message that can wait may be sent: {@code now}, or the end of the quiet
	 * hours.
	 */
	public Instant releaseAt(Instant now) {
		ZonedDateTime local = now.atZone(LONDON);
		LocalTime time = local.toLocalTime();
		boolean crossesMidnight = this.to.isBefore(this.from);
		boolean quiet = crossesMidnight ? (!time.isBefore(this.from) || time.isBefore(this.to))
				: (!time.isBefore(this.from) && time.isBefore(this.to));
		if (!quiet) {
			return now;
		}
		ZonedDateTime end = local.with(this.to);
		if (!end.isAfter(local)) {
			end = end.plusDays(1);
		}
		return end.toInstant();
	}

}
