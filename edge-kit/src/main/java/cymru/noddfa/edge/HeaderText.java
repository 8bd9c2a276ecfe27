package cymru.noddfa.edge;

/**
 * Spring Security's default rule for the header names and values a request may carry,
 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, as a loop: its firewall runs the pattern
 * on every header each time one is read.
 */
public final class HeaderText {

	private HeaderText() {
	}

	/** Whether every code point of the text is assigned and not a control character. */
	public static boolean isAssignedAndNotControl(String text) {
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
