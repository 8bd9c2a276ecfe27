package cymru.noddfa.registry.provision;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Local (Europe/London) times between which a provision takes admissions. A window whose
 * end is before its start crosses midnight: 18:00 to 08:00 is overnight.
 */
public record AdmissionWindow(LocalTime from, LocalTime to) {

	private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm");

	public AdmissionWindow {
		if (from.equals(to)) {
			throw new InvalidValue("admissions.windows", "empty-window", text(from), text(to));
		}
	}

	/** From the JSON form: {@code "18:00"} and {@code "08:00"}. */
	static AdmissionWindow of(String field, String from, String to) {
		return new AdmissionWindow(time(field + ".from", from), time(field + ".to", to));
	}

	/** From the stored or CSV form {@code 18:00-08:00}. */
	public static AdmissionWindow parse(String field, String text) {
		int dash = (text != null) ? text.indexOf('-') : -1;
		if (dash < 0) {
			throw new InvalidValue(field, "invalid-time", text);
		}
		return of(field, text.substring(0, dash), text.substring(dash + 1));
	}

	private static LocalTime time(String field, String text) {
		if (text == null) {
			throw new InvalidValue(field, "required");
		}
		if (!HH_MM.matcher(text).matches()) {
			throw new InvalidValue(field, "invalid-time", text);
		}
		try {
			return LocalTime.parse(text, FORMAT);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidValue(field, "invalid-time", text);
		}
	}

	public boolean crossesMidnight() {
		return this.to.isBefore(this.from);
	}

	public String fromText() {
		return text(this.from);
	}

	public String toText() {
		return text(this.to);
	}

	/** The stored form, {@code 18:00-08:00}. */
	public String text() {
		return fromText() + "-" + toText();
	}

	private static String text(LocalTime time) {
		return time.format(FORMAT);
	}

}
