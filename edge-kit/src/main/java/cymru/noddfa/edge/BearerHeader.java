package cymru.noddfa.edge;

/**
 * Reads a request's bearer token without a regular expression. Spring Security matches
 * every {@code Authorization} header against a pattern, character by character through
 * the regex engine: with its header checks ({@link HeaderText}), about a twentieth of a
 * search's CPU in the matcher. This loop accepts exactly what that pattern accepts, and
 * whatever it does not accept is left to Spring's own resolver, which answers it as
 * before.
 */
public final class BearerHeader {

	/**
	 * The request parameter Spring may also read a token from; a request that may carry
	 * it is left to Spring.
	 */
	public static final String ACCESS_TOKEN_PARAMETER = "access_token";

	private static final String SCHEME = "Bearer ";

	private BearerHeader() {
	}

	/**
	 * The token of a well-formed {@code Bearer} header (RFC 6750: the scheme in any case,
	 * one space, then {@code [A-Za-z0-9-._~+/]+=*}, Spring's own pattern), or null for
	 * anything else, which the caller leaves to Spring.
	 */
	public static String tokenOf(String header) {
		if (header == null || header.length() <= SCHEME.length()
				|| !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			return null;
		}
		int i = SCHEME.length();
		int end = header.length();
		while (i < end && isTokenCharacter(header.charAt(i))) {
			i++;
		}
		if (i == SCHEME.length()) {
			return null;
		}
		while (i < end && header.charAt(i) == '=') {
			i++;
		}
		return (i == end) ? header.substring(SCHEME.length()) : null;
	}

	private static boolean isTokenCharacter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '+' || c == '/';
	}

}
