package cymru.noddfa.edge;

/**
 * Spring Security's default rules for the header names and values (and parameter names) a
 * request may carry, as loops: its firewall runs a regular expression on every header
 * each time one is read. Each accepts exactly what Spring's pattern accepts.
 */
public final class HeaderText {

	private HeaderText() {
	}

	/**
	 * A header or parameter name: every code point assigned and not a control character,
	 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}.
	 */
	public static boolean isAssignedAndNotControl(String text) {
		return allAssignedAndNotControl(text, false);
	}

	/**
	 * A header value: the same, except that a tab is allowed,
	 * {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}.
	 */
	public static boolean isHeaderValue(String text) {
		return allAssignedAndNotControl(text, true);
	}

	private static boolean allAssignedAndNotControl(String text, boolean tabAllowed) {
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			if (!Character.isDefined(codePoint)
					|| (Character.isISOControl(codePoint) && !(tabAllowed && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
