package cymru.noddfa.matcher.referral;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cymru.noddfa.matcher.search.RejectedInput;

/**
 * The only free text a referral carries is the team's own reference, so it is held to a
 * strict shape and refused when it looks like a name, a date of birth or an NHS number.
 */
final class PseudonymousReference {

	private static final Pattern SHAPE = Pattern.compile("[A-Z0-9-]{3,20}");

	/** Five or more letters in a row read like a name ("SMITH", "JOHN"). */
	private static final Pattern NAME_LIKE = Pattern.compile("[A-Z]{5,}");

	private static final Pattern DATE_LIKE = Pattern
		.compile("(?<!\\d)(\\d{1,2})-(\\d{1,2})-(\\d{2}|\\d{4})(?!\\d)|(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)");

	private static final Pattern EIGHT_DIGITS = Pattern.compile("(?<!\\d)\\d{8}(?!\\d)");

	/** NHS numbers are ten digits, often written 3-3-4. */
	private static final Pattern NHS_LIKE = Pattern.compile("\\d{10}|\\d{3}-\\d{3}-\\d{4}");

	private PseudonymousReference() {
	}

	static String check(String reference) {
		if (reference == null || !SHAPE.matcher(reference).matches()) {
			throw new RejectedInput("reference", "invalid-reference");
		}
		if (!reference.chars().anyMatch(Character::isDigit) || NAME_LIKE.matcher(reference).find()
				|| NHS_LIKE.matcher(reference).find() || looksLikeADate(reference)) {
			throw new RejectedInput("reference", "personal-data-in-reference");
		}
		return reference;
	}

	private static boolean looksLikeADate(String reference) {
		Matcher date = DATE_LIKE.matcher(reference);
		if (date.find()) {
			return true;
		}
		Matcher digits = EIGHT_DIGITS.matcher(reference);
		while (digits.find()) {
			String d = digits.group();
			if (isDate(d.substring(4), d.substring(2, 4), d.substring(0, 2))
					|| isDate(d.substring(0, 4), d.substring(4, 6), d.substring(6))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isDate(String year, String month, String day) {
		try {
			LocalDate date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
			return date.getYear() >= 1900 && date.getYear() <= 2100;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

}
