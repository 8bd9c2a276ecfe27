package cymru.noddfa.edge;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loops of {@link BearerHeader} and {@link HeaderText} accept exactly what Spring
 * Security's patterns accept, compared on the cases that matter and on many random
 * strings near them.
 */
class BearerHeaderTest {

	/** Spring Security's {@code DefaultBearerTokenResolver} pattern. */
	private static final Pattern SPRING_BEARER = Pattern.compile("^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Spring Security's {@code StrictHttpFirewall} rule for header and parameter names.
	 */
	private static final Pattern SPRING_NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	/** Spring Security's {@code StrictHttpFirewall} rule for header values. */
	private static final Pattern SPRING_HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	private static final String ALPHABET = "Bb earrERAR abcXYZ019-._~+/=\t\n\r\u0000\u007f\u0085\u0378é€\ud83d\ude00\ud83d ,;:\"";

	@Test
	void a_well_formed_bearer_header_gives_its_token_whatever_the_case_of_the_scheme() {
		assertThat(BearerHeader.tokenOf("Bearer abc.DEF-123_~+/xyz==")).isEqualTo("abc.DEF-123_~+/xyz==");
		assertThat(BearerHeader.tokenOf("bearer abc")).isEqualTo("abc");
		assertThat(BearerHeader.tokenOf("BEARER a=")).isEqualTo("a=");
	}

	@Test
	void anything_else_is_left_to_spring() {
		assertThat(BearerHeader.tokenOf(null)).isNull();
		assertThat(BearerHeader.tokenOf("Bearer ")).isNull();
		assertThat(BearerHeader.tokenOf("Bearer ==")).isNull();
		assertThat(BearerHeader.tokenOf("Bearer  abc")).isNull();
		assertThat(BearerHeader.tokenOf("Bearer abc def")).isNull();
		assertThat(BearerHeader.tokenOf("Bearer abc=def")).isNull();
		assertThat(BearerHeader.tokenOf("Bearer abc\n")).isNull();
		assertThat(BearerHeader.tokenOf("Basic dXNlcjpwYXNz")).isNull();
		assertThat(BearerHeader.tokenOf("Bearerabc")).isNull();
	}

	@Test
	void the_bearer_loop_agrees_with_springs_pattern_on_random_headers() {
		Random random = new Random(15);
		for (int i = 0; i < 200_000; i++) {
			String header = random(random, (random.nextInt(4) == 0) ? "" : "Bearer ");
			Matcher matcher = SPRING_BEARER.matcher(header);
			String expected = matcher.matches() ? matcher.group("token") : null;
			assertThat(BearerHeader.tokenOf(header)).as("%s", header).isEqualTo(expected);
		}
	}

	@Test
	void the_header_loops_agree_with_springs_patterns_on_random_text() {
		Random random = new Random(16);
		for (int i = 0; i < 200_000; i++) {
			String value = random(random, "");
			assertThat(HeaderText.isAssignedAndNotControl(value)).as("%s", value)
				.isEqualTo(SPRING_NAME.matcher(value).matches());
			assertThat(HeaderText.isHeaderValue(value)).as("%s", value)
				.isEqualTo(SPRING_HEADER_VALUE.matcher(value).matches());
		}
		assertThat(HeaderText.isAssignedAndNotControl("\u0378")).isFalse();
		assertThat(HeaderText.isAssignedAndNotControl("application/json; charset=utf-8")).isTrue();
		assertThat(HeaderText.isHeaderValue("a\tb")).isTrue();
		assertThat(HeaderText.isAssignedAndNotControl("a\tb")).isFalse();
	}

	private static String random(Random random, String prefix) {
		StringBuilder text = new StringBuilder(prefix);
		int length = random.nextInt(12);
		for (int i = 0; i < length; i++) {
			text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

}
