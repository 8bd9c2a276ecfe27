package cymru.noddfa.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * One figure over a scale's repeated runs: the median, and the lowest and highest as its
 * spread.
 */
public record Spread(double min, double median, double max) {

	public static Spread of(List<Double> values) {
		if (values.isEmpty()) {
			return new Spread(0, 0, 0);
		}
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int middle = sorted.length / 2;
		double median = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		return new Spread(sorted[0], median, sorted[sorted.length - 1]);
	}

	/** {@code 12.0 (11.0–14.0)}, or the one value when every run gave the same. */
	@Override
	public String toString() {
		if (this.min == this.max) {
			return Report.f(this.median);
		}
		return Report.f(this.median) + " (" + Report.f(this.min) + "–" + Report.f(this.max) + ")";
	}

	String percent() {
		if (this.min == this.max) {
			return pct(this.median);
		}
		return pct(this.median) + " (" + pct(this.min) + "–" + pct(this.max) + ")";
	}

	private static String pct(double share) {
		double percent = share * 100;
		return String.format(Locale.ROOT, (percent == 100 || percent == 0) ? "%.0f %%" : "%.2f %%", percent);
	}

}
