package cymru.noddfa.bench.report;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Markdown report: where, how, the figures, the peer, and every gap to the targets.
 */
public final class Report {

	/** DESIGN §7 and issue 15's targets. */
	static final double FRESHNESS_P99_MS = 250;

	static final long FRESHNESS_TRACES = 1_000;

	static final double MATCHER_P99_MS = 10;

	static final double GATEWAY_P99_MS = 20;

	static final double UPDATE_P99_MS = 50;

	static final double ALERTS_P99_MS = 500;

	static final double CPU_PER_SEARCH_MS = 3;

	static final double PEER_RATIO = 5;

	/** Workload names the report looks for. */
	public static final String FRESHNESS = "freshness (update 2xx → search shows it)";

	public static final String UPDATES = "vacancy update (gateway)";

	public static final String MATCHER = "search (matcher)";

	public static final String GATEWAY = "search (gateway)";

	public static final String HTTP_PEER = "search (peer matcher: one PostgreSQL query behind the same endpoint)";

	public static final String JDBC_PEER = "search (peer: one PostgreSQL query over JDBC)";

	public static final String ALERTS = "alerts (referral → webhook delivered)";

	private Report() {
	}

	public static String render(Heading heading, List<ScaleRun> runs) {
		StringBuilder md = new StringBuilder();
		md.append("# Noddfa benchmark report\n\n");
		if (heading.quick()) {
			md.append("> **Quick, not for comparison**: warm-up and measured windows were shortened (`--quick`).\n\n");
		}
		if (heading.busyAllowed()) {
			md.append("> **Busy machine**: the run started above a 1-minute load average of 1.0 because ")
				.append("`--allow-busy` said so; its figures describe that machine, not the product.\n\n");
		}
		md.append("Measured ")
			.append(heading.at().truncatedTo(ChronoUnit.SECONDS))
			.append(" with `")
			.append(heading.command())
			.append("`; the whole run took **")
			.append(minutes(heading.took()))
			.append("**.\n\n");
		md.append("## Machine and settings\n\n");
		md.append("| | |\n|---|---|\n");
		Machine machine = heading.machine();
		md.append("| cores | ").append(machine.cores()).append(" (").append(machine.cpu()).append(") |\n");
		md.append("| memory | ").append(machine.memoryMb()).append(" MB |\n");
		md.append("| JVM | ").append(machine.jvm()).append(" |\n");
		md.append("| OS | ").append(machine.os()).append(" |\n");
		md.append("| load average (1, 5, 15 min) | start ")
			.append(machine.load())
			.append("; end ")
			.append(heading.loadAtEnd())
			.append(" |\n");
		md.append("| speed check (")
			.append(SpeedCheck.WORK)
			.append("; lower is faster) | start ")
			.append(String.format("%.0f", machine.speedCheckMs()))
			.append(" ms; end ")
			.append(String.format("%.0f", heading.speedCheckAtEndMs()))
			.append(" ms |\n");
		for (String setting : heading.settings()) {
			md.append("| ").append(setting.replaceFirst(": ", " | ")).append(" |\n");
		}
		md.append("\nEverything ran on this one machine. Each scale had a stack of its own, started afresh in a JVM ")
			.append("apart from the load generator's (that launcher JVM hosts the Kafka broker; PostgreSQL, Redis and ")
			.append("the five services are processes of their own). Latencies are measured from when each call was ")
			.append("meant to start (open loop), so a stalled service is charged for the calls it delayed; a call that ")
			.append("failed or timed out counts at its elapsed time or the timeout, whichever is larger, so errors are ")
			.append("in the percentiles. Figures are the median of the repeated runs with the lowest and highest in ")
			.append("brackets. CPU is read from `/proc/<pid>/stat` (user + system, reaped children included) before and ")
			.append("after each measured window; \"stack CPU\" sums the broker's JVM, PostgreSQL with its backends, ")
			.append("Redis and the five services (gateway, registry, matcher, notifications, panels), and the load generator ")
			.append("and the peer matcher (a second matcher that only answers searches, from the matcher's own ")
			.append("database, with no consumer of its own) are shown apart; the development identity provider, which only mints tokens ")
			.append("before each window, is not counted.\n\n");
		targets(md, runs);
		for (ScaleRun run : runs) {
			scale(md, run, heading.postgis());
		}
		gaps(md, runs);
		return md.toString();
	}

	/**
	 * The report with the engine benchmark's {@code ENGINE.md} appended as a section of
	 * its own: a separate run (bin/bench-engine), at another time, possibly on another
	 * load, so its own machine lines come with it.
	 */
	public static String withEngine(String report, String engine) {
		String body = engine.lines()
			.dropWhile((line) -> !line.startsWith("# "))
			.skip(1)
			.collect(Collectors.joining("\n"));
		return report + "\n## The search engine alone (JMH, a separate run)\n\nCopied from `ENGINE.md`, written by "
				+ "`bin/bench-engine`; not measured in this run.\n" + body.replaceAll("(?m)^#", "##") + "\n";
	}

	private static void targets(StringBuilder md, List<ScaleRun> runs) {
		md.append("## Against the targets (issue 15, DESIGN §7)\n\n");
		md.append("| measure | target |");
		runs.forEach((run) -> md.append(' ').append(run.scale()).append(" (").append(run.provisions()).append(") |"));
		md.append("\n|---|---|").append("---|".repeat(runs.size())).append('\n');
		row(md, runs, "search at the matcher, 300/s open loop", "p99 ≤ 10 ms, no errors",
				(run) -> p99(run.repeats(MATCHER), MATCHER_P99_MS));
		row(md, runs, "search through the gateway, 300/s open loop", "p99 ≤ 20 ms, no errors",
				(run) -> p99(run.repeats(GATEWAY), GATEWAY_P99_MS));
		row(md, runs, "vacancy update through the gateway, 200/s open loop", "p99 ≤ 50 ms, all 2xx",
				(run) -> p99(run.repeats(UPDATES), UPDATE_P99_MS));
		row(md, runs, "freshness: update accepted → visible in a search through the gateway, at 200 updates/s",
				"p99 ≤ 250 ms over ≥ 1 000 traces", (run) -> freshness(run.repeats(FRESHNESS)));
		row(md, runs, "referral → webhook delivered, 10/s", "p99 ≤ 500 ms, none missing",
				(run) -> p99(run.repeats(ALERTS), ALERTS_P99_MS));
		row(md, runs, "CPU per search through the gateway, summed over the stack's processes", "≤ 3 ms",
				(run) -> cpuPerSearch(run.repeats(GATEWAY)));
		row(md, runs, "peer ratio: peer p99 ÷ matcher p99", "≥ 5×", Report::peerRatio);
		row(md, runs, "last-bed races: 200 on 1 bed, 1 000 on 100", "exactly the beds", (run) -> races(run.races()));
		md.append(
				"\nThe search targets are set for 50 000 provisions (`--national`); rows for smaller scales show the ")
			.append("same workloads at the same rates. A verdict is taken on the median of the runs; ")
			.append("\"no errors\" means none in any run.\n\n");
	}

	private static void row(StringBuilder md, List<ScaleRun> runs, String measure, String target,
			java.util.function.Function<ScaleRun, String> cell) {
		md.append("| ").append(measure).append(" | ").append(target).append(" |");
		runs.forEach((run) -> md.append(' ').append(cell.apply(run)).append(" |"));
		md.append('\n');
	}

	static String p99(Repeats repeats, double targetMs) {
		if (repeats == null) {
			return "not run";
		}
		boolean met = repeats.p99().median() <= targetMs && repeats.errors() == 0 && repeats.calls() > 0;
		return repeats.p99() + " ms, " + repeats.errors() + " errors: " + verdict(met);
	}

	static String freshness(Repeats repeats) {
		if (repeats == null) {
			return "not run";
		}
		boolean met = repeats.p99().median() <= FRESHNESS_P99_MS && repeats.errors() == 0
				&& repeats.fewestCalls() >= FRESHNESS_TRACES;
		return repeats.p99() + " ms over " + repeats.fewestCalls() + "+ traces per run, " + repeats.errors()
				+ " unseen: " + verdict(met);
	}

	static String cpuPerSearch(Repeats repeats) {
		if (repeats == null || repeats.cpu().isEmpty()) {
			return "not measured";
		}
		if (repeats.calls() == repeats.errors()) {
			return "no successful answer: " + verdict(false);
		}
		return repeats.cpuPerRequest() + " ms: " + verdict(repeats.cpuPerRequest().median() <= CPU_PER_SEARCH_MS);
	}

	static String peerRatio(ScaleRun run) {
		Repeats matcher = run.repeats(MATCHER);
		Repeats httpPeer = run.repeats(HTTP_PEER);
		Repeats peer = (httpPeer != null) ? httpPeer : run.repeats(JDBC_PEER);
		if (matcher == null || peer == null || matcher.p99().median() == 0) {
			return "not run";
		}
		double ratio = peer.p99().median() / matcher.p99().median();
		String which = (httpPeer != null) ? "like for like" : "JDBC peer only, not like for like";
		return ratioOf(peer.p99().median(), matcher.p99().median()) + " (" + which + "): "
				+ ((httpPeer != null) ? verdict(ratio >= PEER_RATIO) : "not judged");
	}

	private static String verdict(boolean met) {
		return met ? "**met**" : "**not met**";
	}

	private static void scale(StringBuilder md, ScaleRun run, String postgis) {
		md.append("## ").append(cap(run.scale())).append(": ").append(run.provisions()).append(" provisions\n\n");
		md.append("| workload | asked /s | achieved /s | calls per run | success | p50 ms | p95 ms | p99 ms | max ms ")
			.append("| stack CPU per answer ms | how |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (Repeats w : run.workloads()) {
			Latencies first = w.runs().get(0);
			md.append("| ")
				.append(w.workload())
				.append(" | ")
				.append((first.targetPerSecond() > 0) ? f(first.targetPerSecond()) : "—")
				.append(" | ")
				.append(w.achievedPerSecond())
				.append(" | ")
				.append(Spread.of(w.runs().stream().map((l) -> (double) l.count()).toList()))
				.append(" | ")
				.append(w.successRate().percent())
				.append(" | ")
				.append(w.p50())
				.append(" | ")
				.append(w.p95())
				.append(" | ")
				.append(w.p99())
				.append(" | ")
				.append(w.max())
				.append(" | ")
				.append(w.cpu().isEmpty() ? "—" : w.cpuPerRequest().toString())
				.append(" | ")
				.append(first.note())
				.append(" |\n");
		}
		md.append('\n');
		cpu(md, run);
		peer(md, run, postgis);
		races(md, run);
		for (String note : run.notes()) {
			md.append("- ").append(note).append('\n');
		}
		if (!run.notes().isEmpty()) {
			md.append('\n');
		}
		for (Profile.Summary profile : run.profiles()) {
			md.append("**Where ")
				.append(profile.service())
				.append(" spends CPU** (JFR in the separate profiling run, ")
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

	/** CPU milliseconds of every process during each workload's measured window. */
	private static void cpu(StringBuilder md, ScaleRun run) {
		List<Repeats> measured = run.workloads().stream().filter((w) -> !w.cpu().isEmpty()).toList();
		if (measured.isEmpty()) {
			return;
		}
		CpuUse sample = measured.get(0).cpu().get(0);
		List<String> processes = new ArrayList<>(sample.stack().keySet());
		List<String> apart = new ArrayList<>(sample.apart().keySet());
		md.append("CPU time during each measured window, ms (median, lowest–highest of the runs):\n\n| workload |");
		processes.forEach((p) -> md.append(' ').append(p).append(" |"));
		md.append(" **stack** |");
		apart.forEach((p) -> md.append(' ').append(p).append(p.endsWith("(machine)") ? " |" : " (apart) |"));
		md.append("\n|---|").append("---|".repeat(processes.size() + 1 + apart.size())).append('\n');
		for (Repeats w : measured) {
			md.append("| ").append(w.workload()).append(" |");
			processes.forEach((p) -> md.append(' ').append(w.cpuOf(p)).append(" |"));
			md.append(" **").append(w.stackCpu()).append("** |");
			apart.forEach((p) -> md.append(' ').append(w.cpuOf(p)).append(" |"));
			md.append('\n');
		}
		parts(md, measured);
		if (apart.contains(ProcessCpu.STOLEN)) {
			md.append("\nThe machine's columns are summed over its cores, from `/proc/stat`: a 60 s window on two "
					+ "cores holds 120 000 ms. What the host stole was time this machine's cores were ready to run "
					+ "and did not; a run that lost more had less to give its workloads.\n");
		}
		md.append('\n');
	}

	/**
	 * PostgreSQL's column in parts, the parts that used most in the first workload first.
	 */
	private static void parts(StringBuilder md, List<Repeats> measured) {
		Map<String, Double> most = new HashMap<>();
		for (Repeats w : measured) {
			w.cpu().forEach((use) -> use.parts().forEach((part, ms) -> most.merge(part, ms, Math::max)));
		}
		if (most.isEmpty()) {
			return;
		}
		Repeats first = measured.get(0);
		List<String> parts = most.keySet()
			.stream()
			.sorted(Comparator.comparingDouble((String p) -> -first.cpuOfPart(p).median())
				.thenComparing(Comparator.naturalOrder()))
			.toList();
		md.append("\nOf which PostgreSQL, by the titles its processes give themselves (the backends of each ")
			.append("database, the background processes; the postmaster's figure holds the processes that ended ")
			.append("in the window), ms:\n\n| workload |");
		parts.forEach((p) -> md.append(' ').append(p).append(" |"));
		md.append("\n|---|").append("---|".repeat(parts.size())).append('\n');
		for (Repeats w : measured) {
			md.append("| ").append(w.workload()).append(" |");
			parts.forEach((p) -> md.append(' ').append(w.cpuOfPart(p)).append(" |"));
			md.append('\n');
		}
	}

	private static void peer(StringBuilder md, ScaleRun run, String postgis) {
		Repeats matcher = run.repeats(MATCHER);
		if (matcher == null) {
			return;
		}
		for (Repeats peer : java.util.stream.Stream.of(run.repeats(HTTP_PEER), run.repeats(JDBC_PEER))
			.filter(java.util.Objects::nonNull)
			.toList()) {
			md.append("**Peer: ")
				.append(peer.workload())
				.append(".** p50 ")
				.append(peer.p50())
				.append(" ms, p99 ")
				.append(peer.p99())
				.append(" ms, ")
				.append(peer.achievedPerSecond())
				.append(" answers/s, against the matcher's p50 ")
				.append(matcher.p50())
				.append(" ms, p99 ")
				.append(matcher.p99())
				.append(" ms: the peer's p99 is **")
				.append(ratioOf(peer.p99().median(), matcher.p99().median()))
				.append("** the matcher's (p50 ")
				.append(ratioOf(peer.p50().median(), matcher.p50().median()))
				.append(").\n\n");
		}
		if (run.meanCandidates() != null) {
			md.append("Candidates per search (first 200 of the mix): matcher ")
				.append(f(run.meanCandidates()[0]))
				.append(", JDBC peer ")
				.append(f(run.meanCandidates()[1]))
				.append(". ");
		}
		md.append("PostGIS: ").append(postgis).append("\n\n");
	}

	private static void races(StringBuilder md, ScaleRun run) {
		if (run.races().isEmpty()) {
			return;
		}
		md.append(
				"| last-bed race (at the matcher, once per scale) | beds | held | refused (409) | other answers | matcher says held | never more than beds | exactly the beds | p50 ms | p99 ms | max ms | holds/s |\n");
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

	private static void gaps(StringBuilder md, List<ScaleRun> runs) {
		md.append("## Gaps to the targets\n\n");
		List<String> gaps = new ArrayList<>();
		for (ScaleRun run : runs) {
			gap(gaps, run, run.repeats(UPDATES), UPDATE_P99_MS, "vacancy update through the gateway");
			gap(gaps, run, run.repeats(FRESHNESS), FRESHNESS_P99_MS, "freshness");
			gap(gaps, run, run.repeats(MATCHER), MATCHER_P99_MS, "search at the matcher");
			gap(gaps, run, run.repeats(GATEWAY), GATEWAY_P99_MS, "search through the gateway");
			gap(gaps, run, run.repeats(ALERTS), ALERTS_P99_MS, "alerts");
			Repeats gateway = run.repeats(GATEWAY);
			if (gateway != null && !gateway.cpu().isEmpty() && gateway.cpuPerRequest().median() > CPU_PER_SEARCH_MS) {
				gaps.add(run.scale() + ": CPU per search through the gateway " + gateway.cpuPerRequest()
						+ " ms against ≤ " + f(CPU_PER_SEARCH_MS) + " ms");
			}
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
		md.append("\nWhere the time goes: run with `--profile` for JFR summaries, recorded in a run of their own ")
			.append("after the measured ones.\n");
	}

	private static void gap(List<String> gaps, ScaleRun run, Repeats repeats, double targetMs, String what) {
		if (repeats == null) {
			return;
		}
		Latencies first = repeats.runs().get(0);
		if (repeats.p99().median() > targetMs || repeats.errors() > 0 || (first.targetPerSecond() > 0
				&& repeats.achievedPerSecond().median() < first.targetPerSecond() * 0.95)) {
			gaps.add(run.scale() + ": " + what + " p99 " + repeats.p99() + " ms against ≤ " + f(targetMs) + " ms; "
					+ repeats.achievedPerSecond() + "/s achieved of " + f(first.targetPerSecond()) + "/s asked; "
					+ repeats.errors() + " errors in " + repeats.calls() + " calls over " + repeats.runs().size()
					+ " runs");
		}
	}

	private static String races(List<HoldRace> races) {
		if (races.isEmpty()) {
			return "not run";
		}
		if (!races.stream().allMatch(HoldRace::invariantHolds)) {
			return "over-booked: **not met**";
		}
		return races.stream().allMatch(HoldRace::exact) ? "exact: **met**" : "never over, not all taken: **not met**";
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
