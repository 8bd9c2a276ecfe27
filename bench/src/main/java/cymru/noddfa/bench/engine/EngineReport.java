package cymru.noddfa.bench.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cymru.noddfa.bench.report.Machine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench/results/ENGINE.md} from the JSON of a JMH run of the engine benchmark: the
 * machine and the run's settings, then one row per scale, benchmark and mode. It judges
 * nothing: the figures are for comparing runs on the same quiet machine.
 */
public final class EngineReport {

	/**
	 * Above this 1-minute load average the figures carry a warning, as the whole-stack
	 * report's do.
	 */
	static final double BUSY_LOAD = 1.0;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private EngineReport() {
	}

	/**
	 * Arguments: the JMH JSON, the Markdown to write, and the load averages read before
	 * the run ("1.02, 0.80, 0.51"); the load at the end is read here, just after it.
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			System.err.println("usage: EngineReport <jmh.json> <ENGINE.md> <load averages at start>");
			System.exit(64);
		}
		String json = Files.readString(Path.of(args[0]));
		Machine machine = Machine.now();
		String markdown = render(json, new Conditions(machine.cores(), machine.cpu(), args[2], machine.load()));
		Path out = Path.of(args[1]);
		if (out.getParent() != null) {
			Files.createDirectories(out.getParent());
		}
		Files.writeString(out, markdown);
		System.out.println("Wrote " + out);
	}

	/** Where and when the run was made; the JDK comes from the JSON, the forks' own. */
	record Conditions(int cores, String cpu, String loadAtStart, String loadAtEnd) {

		boolean busy() {
			try {
				return Double.parseDouble(this.loadAtStart.split(",")[0].trim()) > BUSY_LOAD;
			}
			catch (NumberFormatException ex) {
				return true;
			}
		}

	}

	static String render(String json, Conditions conditions) {
		JsonNode runs = JSON.readTree(json);
		List<EngineFigure> figures = EngineFigure.read(json);
		StringBuilder md = new StringBuilder("# The search engine alone (JMH)\n\n");
		if (conditions.busy()) {
			md.append("**Busy machine: not for comparison.** The 1-minute load average was above ")
				.append(BUSY_LOAD)
				.append(" at the start.\n\n");
		}
		md.append("The matcher's in-process index and search (`IndexSearch`), without HTTP, Redis or the other ")
			.append("services; free beds after holds come from memory, one provision in ten fully held. ")
			.append("The whole stack's figures are in `REPORT.md`.\n\n");
		JsonNode first = runs.path(0);
		md.append("- Machine: ")
			.append(conditions.cores())
			.append(" cores (")
			.append(conditions.cpu())
			.append("), JDK ")
			.append(first.path("jdkVersion").asString("?"))
			.append(" (")
			.append(first.path("vmName").asString("?"))
			.append(' ')
			.append(first.path("vmVersion").asString(""))
			.append(")\n");
		md.append("- Load average (1, 5, 15 min): ")
			.append(conditions.loadAtStart())
			.append(" at the start, ")
			.append(conditions.loadAtEnd())
			.append(" at the end\n");
		md.append("- Run: JMH ")
			.append(first.path("jmhVersion").asString("?"))
			.append(", ")
			.append(first.path("forks").asInt())
			.append(" fork(s), warm-up ")
			.append(first.path("warmupIterations").asInt())
			.append(" × ")
			.append(first.path("warmupTime").asString("?"))
			.append(", measured ")
			.append(first.path("measurementIterations").asInt())
			.append(" × ")
			.append(first.path("measurementTime").asString("?"))
			.append(", JVM options `")
			.append(String.join(" ", jvmArgs(first)))
			.append("`\n\n");
		md.append(
				"| scale | benchmark | mode | threads | p50 µs | p99 µs | p99.9 µs | mean µs | calls/s | error (99.9 %) |\n");
		md.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (EngineFigure figure : figures) {
			md.append("| ").append(figure.scale()).append(" | ").append(figure.benchmark()).append(" | ");
			if (figure.isSampleTime()) {
				md.append("sample time | ")
					.append(figure.threads())
					.append(" | ")
					.append(micros(figure.micros().get(EngineFigure.P50)))
					.append(" | ")
					.append(micros(figure.micros().get(EngineFigure.P99)))
					.append(" | ")
					.append(micros(figure.micros().get(EngineFigure.P999)))
					.append(" | ")
					.append(micros(figure.micros().get(EngineFigure.MEAN)))
					.append(" | – | ")
					.append(error(micros(figure.error()), " µs"))
					.append(" |\n");
			}
			else {
				md.append(mode(figure.mode()))
					.append(" | ")
					.append(figure.threads())
					.append(" | – | – | – | – | ")
					.append(perSecond(figure.perSecond()))
					.append(" | ")
					.append(error(perSecond(figure.error()), "/s"))
					.append(" |\n");
			}
		}
		md.append("\nSample time: the latency of single calls, percentiles over every sampled call; the error is ")
			.append("that of the mean. Throughput: calls a second over all the benchmark's threads. In the group ")
			.append("`searchWhileUpdating` three threads search and one applies updates at once, on one index; ")
			.append("its threads are the group's.\n");
		return md.toString();
	}

	private static List<String> jvmArgs(JsonNode run) {
		List<String> args = new ArrayList<>();
		run.path("jvmArgs").forEach((arg) -> args.add(arg.asString()));
		return args;
	}

	private static String mode(String mode) {
		return switch (mode) {
			case "thrpt" -> "throughput";
			case "avgt" -> "average time";
			case "ss" -> "single shot";
			default -> mode;
		};
	}

	static String micros(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		if (value >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, (value >= 10) ? "%.1f" : "%.2f", value);
	}

	static String perSecond(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
	}

	private static String error(String value, String unit) {
		return "–".equals(value) ? value : "± " + value + unit;
	}

}
