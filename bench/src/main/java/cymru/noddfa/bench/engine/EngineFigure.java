package cymru.noddfa.bench.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One figure of a JMH run, as its JSON result gives it: a benchmark (or one side of a
 * group, {@code searchWhileUpdating · searching}) in one mode at one scale, in
 * microseconds per call (sample time) or calls per second (throughput), whatever units
 * the run was asked for.
 *
 * @param micros p50, p99, p99.9 and the mean in microseconds; empty for throughput
 * @param perSecond calls a second, or NaN for sample time
 * @param error JMH's 99.9 % confidence half-width of the score (the mean for sample
 * time), in the same unit as that score; NaN when the run was too short to give one
 */
record EngineFigure(String scale, String benchmark, String mode, int threads, Map<String, Double> micros,
		double perSecond, double error) {

	static final String P50 = "50.0";

	static final String P99 = "99.0";

	static final String P999 = "99.9";

	static final String MEAN = "mean";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern PERCENTILE = Pattern.compile("p\\d+\\.\\d+");

	boolean isSampleTime() {
		return "sample".equals(this.mode);
	}

	static List<EngineFigure> read(String json) {
		List<EngineFigure> figures = new ArrayList<>();
		for (JsonNode run : JSON.readTree(json)) {
			String benchmark = run.path("benchmark").asString();
			benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
			String scale = run.path("params").path("scale").asString("");
			String mode = run.path("mode").asString();
			int threads = run.path("threads").asInt(1);
			if (run.path("primaryMetric").path("scoreUnit").asString().isEmpty()) {
				continue;
			}
			List<String> sides = groupSides(run.path("secondaryMetrics"));
			if (sides.isEmpty()) {
				figures.add(figure(scale, benchmark, mode, threads, run.path("primaryMetric")));
			}
			// a group's primary metric mixes its sides' calls: only each side means
			// something
			for (String side : sides) {
				figures.add(figure(scale, benchmark + " · " + side, mode, threads,
						run.path("secondaryMetrics").path(side)));
			}
		}
		List<String> scales = figures.stream().map(EngineFigure::scale).distinct().toList();
		return figures.stream()
			.sorted(Comparator.comparing((EngineFigure figure) -> scales.indexOf(figure.scale()))
				.thenComparing(EngineFigure::benchmark)
				.thenComparing((figure) -> !figure.isSampleTime()))
			.toList();
	}

	/**
	 * The methods of a group. Beside them JMH lists each one's percentiles
	 * ({@code p0.50}, {@code searching:p0.99}) and its profilers' figures
	 * ({@code ·gc...}).
	 */
	private static List<String> groupSides(JsonNode secondary) {
		List<String> sides = new ArrayList<>();
		for (String name : secondary.propertyNames()) {
			if (!name.contains(":") && !name.startsWith("·") && !PERCENTILE.matcher(name).matches()) {
				sides.add(name);
			}
		}
		return sides;
	}

	private static EngineFigure figure(String scale, String benchmark, String mode, int threads, JsonNode metric) {
		String unit = metric.path("scoreUnit").asString();
		double score = number(metric.path("score"));
		double error = number(metric.path("scoreError"));
		if (unit.startsWith("ops/")) {
			double seconds = seconds(unit.substring("ops/".length()));
			return new EngineFigure(scale, benchmark, mode, threads, Map.of(), score / seconds, error / seconds);
		}
		double toMicros = seconds(unit.substring(0, unit.indexOf('/'))) * 1e6;
		JsonNode percentiles = metric.path("scorePercentiles");
		Map<String, Double> micros = Map.of(P50, number(percentiles.path(P50)) * toMicros, P99,
				number(percentiles.path(P99)) * toMicros, P999, number(percentiles.path(P999)) * toMicros, MEAN,
				score * toMicros);
		return new EngineFigure(scale, benchmark, mode, threads, micros, Double.NaN, error * toMicros);
	}

	/** JMH writes NaN as a string, and leaves out what it did not measure. */
	private static double number(JsonNode node) {
		if (node.isNumber()) {
			return node.doubleValue();
		}
		try {
			return Double.parseDouble(node.asString(""));
		}
		catch (NumberFormatException ex) {
			return Double.NaN;
		}
	}

	private static double seconds(String timeUnit) {
		return switch (timeUnit) {
			case "ns" -> 1e-9;
			case "us" -> 1e-6;
			case "ms" -> 1e-3;
			case "s" -> 1;
			case "min" -> 60;
			case "hr" -> 3600;
			default -> throw new IllegalArgumentException("Unknown JMH time unit " + timeUnit);
		};
	}

}
