package cymru.noddfa.matcher.search;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class WideningTest {

	/** As application defaults: 16 members, 4096 at most, 10 km first, 800 km widest. */
	private static final SearchProperties DEFAULTS = new SearchProperties(10, 16, 4096, 800, 10, 12);

	@ParameterizedTest(name = "radius {0} km, every answer full: {1}")
	@CsvSource(textBlock = """
			800,   always full
			500,   always full
			1e300, always full
			800,   never full
			1e300, never full
			""")
	void a_scan_asks_at_most_its_bound_of_queries_whatever_the_radius(double radius, String answers) {
		Widening widening = new Widening(DEFAULTS, radius);
		boolean full = answers.equals("always full");
		int queries = 1;
		while (widening.widen(full)) {
			queries++;
			assertThat(widening.reach()).isLessThanOrEqualTo(radius);
			assertThat(widening.count()).isLessThanOrEqualTo(4096);
		}
		assertThat(queries).isEqualTo(widening.rounds()).isLessThanOrEqualTo(12);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			a first radius of 0 km never grows       | 16 | 4096 | 0     | 12
			a tiny first radius takes many triplings | 16 | 4096 | 1e-12 | 12
			a huge member limit takes many widenings | 1  | 2147483647 | 10 | 12
			a bound of one query stops at once       | 16 | 4096 | 10    | 1
			""")
	void badly_tuned_settings_still_stop_at_the_bound(String setting, int initialCount, int maxCount,
			double initialRadius, int maxRounds) {
		Widening widening = new Widening(
				new SearchProperties(10, initialCount, maxCount, 800, initialRadius, maxRounds), 800);
		int queries = 1;
		while (widening.widen(true) && queries < 1_000) {
			queries++;
		}
		assertThat(queries).isEqualTo(maxRounds);
	}

	@ParameterizedTest(name = "maxKm {0}")
	@CsvSource({ "500", "60", "1" })
	void a_scan_that_finds_too_little_covers_its_whole_radius_within_the_bound(double radius) {
		Widening widening = new Widening(DEFAULTS, radius);
		while (widening.widen(false)) {
			// the answers are never full: only the radius widens
		}
		assertThat(widening.reach()).isEqualTo(radius);
		assertThat(widening.rounds()).isLessThanOrEqualTo(12);
	}

}
