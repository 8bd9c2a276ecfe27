package cymru.noddfa.kit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.format.datetime.standard.InstantFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class InstantParameterFormatterTest {

	private final InstantParameterFormatter ours = new InstantParameterFormatter();

	private final InstantFormatter springs = new InstantFormatter();

	@Test
	void reads_every_form_springs_formatter_reads_and_refuses_what_it_refuses() {
		List<String> texts = new ArrayList<>(List.of("2026-12-02T10:15:30Z", "2026-12-02T10:15:30.123456Z",
				"2026-12-02T10:15:30+01:00", "1764670530000", "+1764670530000", "-1", "0", "\u0661\u0662\u0663",
				"Wed, 2 Dec 2026 10:15:30 GMT", "99999999999999999999", "", "-", "+", "12a", "2026-12-02", "tomorrow",
				" 2026-12-02T10:15:30Z", "NaN"));
		Random random = new Random(42);
		String alphabet = "0123456789+-:TZ.aW, ";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int length = random.nextInt(24); length > 0; length--) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			texts.add(text.toString());
		}
		for (String text : texts) {
			assertThat(answer(this.ours, text)).as(text).isEqualTo(answer(this.springs, text));
		}
		assertThat(answer(this.ours, "2026-12-02T10:15:30Z")).isEqualTo(Instant.parse("2026-12-02T10:15:30Z"));
		assertThat(answer(this.ours, "tomorrow")).isEqualTo("refused");
	}

	@Test
	void prints_iso_8601_as_springs_formatter_does() {
		Instant at = Instant.parse("2026-12-02T10:15:30.5Z");
		assertThat(this.ours.print(at, Locale.UK)).isEqualTo(this.springs.print(at, Locale.UK));
	}

	private static Object answer(org.springframework.format.Formatter<Instant> formatter, String text) {
		try {
			return formatter.parse(text, Locale.UK);
		}
		catch (Exception ex) {
			return "refused";
		}
	}

}
