package cymru.noddfa.panels.outcome;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Nearest-rank percentiles: the p-th percentile of N values is the value at rank ⌈p/100 ×
 * N⌉ (1-based) once they are sorted ascending. Always one of the values, never an
 * interpolation, so a replay and an independent count agree exactly; the median is the
 * 50th (for an even N, the lower of the two middle values).
 */
public final class Percentiles {

	private Percentiles() {
	}

	/** {@code null} when there are no values. */
	public static <T extends Comparable<? super T>> T nearestRank(List<T> values, int percentile) {
		if (percentile < 1 || percentile > 100) {
			throw new IllegalArgumentException("A percentile is from 1 to 100: " + percentile);
		}
		if (values.isEmpty()) {
			return null;
		}
		List<T> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int rank = (percentile * sorted.size() + 99) / 100;
		return sorted.get(rank - 1);
	}

}
