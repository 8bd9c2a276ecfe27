package cymru.noddfa.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown report: where, how, the figures, the peer, and every gap to the targets.
 */
public final class Report {

	/** DESIGN §7 targets. */
	static final double FRESHNESS_P99_MS = 250;

	static final double MATCHER_P99_MS = 10;

	static final double GATEWAY_P99_MS = 20;

	static final double ALERTS_P99_MS = 500;

	private Report() {
	}

	/**
	 * @param settings one line per setting worth knowing (rates, durations, JVM flags)
	 */
	public static String render(Instant at, Machine machine, String loadAtEnd, Duration took, String command,
			List<String> settings, boolean postgis, List<ScaleRun> runs) {
		StringBuilder md = new StringBuilder();
		md.append("# Noddfa benchmark report\n\n");
		md.append("Measured ")
			.append(at.truncatedTo(ChronoUnit.SECONDS))
			.append(" with `")
			.append(command)
			.append("`; the whole run took **")
			.append(minutes(took))
			.append("**.\n\n");
		md.append("## Machine and settings\n\n");
		md.append("| | |\n|---|---|\n");
		md.append("| cores | ").append(machine.cores()).append(" (").append(machine.cpu()).append(") |\n");
		md.append("| memory | ").append(machine.memoryMb()).append(" MB |\n");
		md.append("| JVM | ").append(machine.jvm()).append(" |\n");
		md.append("| OS | ").append(machine.os()).append(" |\n");
		md.append("| load average (1, 5, 15 min) | start ")
			.append(machine.load())
			.append("; end ")
			.append(loadAtEnd)
			.append(" |\n");
		for (String setting : settings) {
			md.append("| ").append(setting.replaceFirst(": ", " | ")).append(" |\n");
		}
		md.append("\nEverything ran on this one machine: embedded Kafka, PostgreSQL and Redis, the four services as ")
			.append("separate JVMs, and the load generator. Latencies are measured from when each call was meant to ")
			.append("start (open loop), so a stalled service is charged for the calls it delayed.\n\n");
		md.append("## Against the targets (DESIGN §7)\n\n");
		md.append(
				"| scale | freshness p99 (≤ 250 ms) | search p99 at the matcher (≤ 10 ms) | search p99 through the gateway (≤ 20 ms) | last-bed races exact | alerts p99 (≤ 500 ms) | peer p99 ÷ matcher p99 |\n");
		md.append("|---|---|---|---|---|---|---|\n");
		for (ScaleRun run : runs) {
			md.append("| ")
				.append(run.scale())
				.append(" (")
				.append(run.provisions())
				.append(") | ")
				.append(against(run.find("freshness"), FRESHNESS_P99_MS))
				.append(" | ")
				.append(against(run.find("search (matcher"), MATCHER_P99_MS))
				.append(" | ")
				.append(against(run.find("search (gateway"), GATEWAY_P99_MS))
				.append(" | ")
				.append(races(run.races()))
				.append(" | ")
				.append(against(run.find("alerts"), ALERTS_P99_MS))
				.append(" | ")
				.append(ratio(run.find("search (peer"), run.find("search (matcher")))
				.append(" |\n");
		}
		md.append("\nThe search targets are set for 50 000 provisions at 300 searches/s; ")
			.append("rows for smaller scales show the same workload at the rate named below.\n\n");
		for (ScaleRun run : runs) {
			scale(md, run, postgis);
		}
		gaps(md, runs);
		return md.toString();
	}

	private static void scale(StringBuilder md, ScaleRun run, boolean postgis) {
		md.append("## ").append(cap(run.scale())).append(": ").append(run.provisions()).append(" provisions\n\n");
		md.append(
				"| workload | asked /s | achieved /s | answers | errors | p50 ms | p95 ms | p99 ms | max ms | how |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|\n");
		for (Latencies l : run.latencies()) {
			md.append("| ")
				.append(l.workload())
				.append(" | ")
				.append((l.targetPerSecond() > 0) ? f(l.targetPerSecond()) : "—")
				.append(" | ")
				.append(f(l.achievedPerSecond()))
				.append(" | ")
				.append(l.count())
				.append(" | ")
				.append(l.errors())
				.append(" | ")
				.append(f(l.p50()))
				.append(" | ")
				.append(f(l.p95()))
				.append(" | ")
				.append(f(l.p99()))
				.append(" | ")
				.append(f(l.max()))
				.append(" | ")
				.append(l.note())
				.append(" |\n");
		}
		md.append('\n');
		Latencies peer = run.find("search (peer");
		Latencies matcher = run.find("search (matcher");
		if (peer != null && matcher != null) {
			md.append("**Peer.** One PostgreSQL query with a haversine distance and the same filters, on the same ")
				.append("provisions in the same run, at the same arrival rate: p50 ")
				.append(f(peer.p50()))
				.append(" ms, p99 ")
				.append(f(peer.p99()))
				.append(" ms, ")
				.append(f(peer.achievedPerSecond()))
				.append(" answers/s, against the matcher's p50 ")
				.append(f(matcher.p50()))
				.append(" ms, p99 ")
				.append(f(matcher.p99()))
				.append(" ms, ")
				.append(f(matcher.achievedPerSecond()))
				.append(" answers/s: the peer's p99 is **")
				.append(ratio(peer, matcher))
				.append("** the matcher's")
				.append(" (p50 ")
				.append(ratioOf(peer.p50(), matcher.p50()))
				.append(").");
			if (run.meanCandidates() != null) {
				md.append(" Candidates per search (first 200 of the mix): matcher ")
					.append(f(run.meanCandidates()[0]))
					.append(", peer ")
					.append(f(run.meanCandidates()[1]))
					.append('.');
			}
			md.append(postgis ? " PostGIS is available on this server but the KNN variant was not run.\n\n"
					: " PostGIS: not available (`pg_available_extensions` has no `postgis`: the embedded "
							+ "PostgreSQL binaries ship without it), so the KNN variant was not run.\n\n");
		}
		if (!run.races().isEmpty()) {
			md.append(
					"| last-bed race (at the matcher) | beds | held | refused (409) | other answers | matcher says held | never more than beds | exactly the beds | p50 ms | p99 ms | max ms | holds/s |\n");
			md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
			for (HoldRace race : run.races()) {
				Latencies l = race.latencies();
				md.append("| ")
					.append(race.concurrent())
					.append(" at once | ")
					.append(race.beds())
					.append(" | ")
					.append(race.won())
					.append(" | ")
					.append(race.refused())
					.append(" | ")
					.append(race.failed())
					.append(" | ")
					.append(race.held())
					.append(" | ")
					.append(race.invariantHolds() ? "yes" : "**no**")
					.append(" | ")
					.append(race.exact() ? "yes" : "**no**")
					.append(" | ")
					.append(f(l.p50()))
					.append(" | ")
					.append(f(l.p99()))
					.append(" | ")
					.append(f(l.max()))
					.append(" | ")
					.append(f(l.achievedPerSecond()))
					.append(" |\n");
			}
			md.append('\n');
		}
		for (String note : run.notes()) {
			md.append("- ").append(note).append('\n');
		}
		if (!run.notes().isEmpty()) {
			md.append('\n');
		}
		for (Profile.Summary profile : run.profiles()) {
			md.append("**Where ")
				.append(profile.service())
				.append(" spends CPU** (JFR, ")
				.append(profile.samples())
				.append(" execution samples): by library ")
				.append(shares(profile.areas(), profile.samples()))
				.append(". Hottest top frames: ")
				.append(shares(profile.topFrames(), profile.samples()))
				.append(". First Noddfa frame under each sample: ")
				.append(shares(profile.noddfaFrames(), profile.samples()))
				.append(".\n\n");
		}
	}

	private static void gaps(StringBuilder md, List<ScaleRun> runs) {
		md.append("## Gaps to the targets\n\n");
		List<String> gaps = new ArrayList<>();
		for (ScaleRun run : runs) {
			gap(gaps, run, run.find("freshness"), FRESHNESS_P99_MS, "freshness");
			gap(gaps, run, run.find("search (matcher"), MATCHER_P99_MS, "search at the matcher");
			gap(gaps, run, run.find("search (gateway"), GATEWAY_P99_MS, "search through the gateway");
			gap(gaps, run, run.find("alerts"), ALERTS_P99_MS, "alerts");
			for (HoldRace race : run.races()) {
				if (!race.exact()) {
					gaps.add(run.scale() + ": " + race.concurrent() + " holds on " + race.beds() + " bed(s) gave "
							+ race.won() + " holds (matcher says " + race.held() + " held, " + race.failed()
							+ " other answers)");
				}
			}
		}
		if (gaps.isEmpty()) {
			md.append("None at the scales and rates run.\n");
			return;
		}
		for (String gap : gaps) {
			md.append("- ").append(gap).append('\n');
		}
		md.append("\nWhere the time goes is in each scale's JFR summaries above (registry and gateway CPU samples ")
			.append("during the freshness workload, matcher and gateway during the search workload).\n");
	}

	private static void gap(List<String> gaps, ScaleRun run, Latencies latencies, double targetMs, String what) {
		if (latencies == null) {
			return;
		}
		if (latencies.p99() > targetMs || latencies.errors() > 0 || (latencies.targetPerSecond() > 0
				&& latencies.achievedPerSecond() < latencies.targetPerSecond() * 0.95)) {
			gaps.add(run.scale() + ": " + what + " p99 " + f(latencies.p99()) + " ms against ≤ " + f(targetMs) + " ms; "
					+ f(latencies.achievedPerSecond()) + "/s achieved of " + f(latencies.targetPerSecond())
					+ "/s asked; " + latencies.errors() + " errors");
		}
	}

	static String against(Latencies latencies, double targetMs) {
		if (latencies == null) {
			return "not run";
		}
		if (latencies.count() == 0) {
			return "no answer (" + latencies.errors() + " errors) ✗";
		}
		return f(latencies.p99()) + " ms " + ((latencies.p99() <= targetMs) ? "✓" : "✗");
	}

	private static String races(List<HoldRace> races) {
		if (races.isEmpty()) {
			return "not run";
		}
		if (!races.stream().allMatch(HoldRace::invariantHolds)) {
			return "**over-booked** ✗";
		}
		return races.stream().allMatch(HoldRace::exact) ? "yes ✓" : "never over, not all taken ✗";
	}

	static String ratio(Latencies peer, Latencies matcher) {
		if (peer == null || matcher == null || matcher.p99() == 0) {
			return "—";
		}
		return ratioOf(peer.p99(), matcher.p99());
	}

	static String ratioOf(double peer, double matcher) {
		if (matcher == 0) {
			return "—";
		}
		double ratio = peer / matcher;
		return String.format(Locale.ROOT, (ratio < 0.1) ? "%.3f×" : (ratio < 1) ? "%.2f×" : "%.1f×", ratio);
	}

	private static String shares(Map<String, Integer> counts, int total) {
		List<String> parts = new ArrayList<>();
		counts.forEach(
				(name, count) -> parts.add("`" + name + "` " + Math.round(100.0 * count / Math.max(1, total)) + " %"));
		return String.join(", ", parts);
	}

	static String f(double value) {
		return (value >= 100) ? String.format(Locale.ROOT, "%.0f", value)
				: (value >= 10) ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
	}

	private static String minutes(Duration took) {
		return took.toMinutes() + " min " + took.toSecondsPart() + " s";
	}

	private static String cap(String text) {
		return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
	}

}
