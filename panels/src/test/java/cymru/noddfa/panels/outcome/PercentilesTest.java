package cymru.noddfa.panels.outcome;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PercentilesTest {

	@ParameterizedTest(name = "{1}th of {0} is {2}")
	@CsvSource(delimiter = '|', textBlock = """
			7                   | 50 | 7
			7                   | 90 | 7
			1,2                 | 50 | 1
			1,2                 | 90 | 2
			4,1,3,2             | 50 | 2
			10,9,8,7,6,5,4,3,2,1 | 90 | 9
			10,9,8,7,6,5,4,3,2,1,11 | 90 | 10
			15,20,35,40,50      | 50 | 35
			""")
	void the_nearest_rank_is_always_one_of_the_values(String values, int percentile, long expected) {
		List<Long> numbers = java.util.Arrays.stream(values.split(",")).map(Long::valueOf).toList();

		assertThat(Percentiles.nearestRank(numbers, percentile)).isEqualTo(expected);
	}

	@org.junit.jupiter.api.Test
	void no_values_have_no_percentile() {
		assertThat(Percentiles.<Long>nearestRank(List.of(), 50)).isNull();
	}

}
