package cymru.noddfa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cymru.noddfa.bench.generate.Geography;
import cymru.noddfa.bench.generate.ProvisionGenerator;
import cymru.noddfa.bench.generate.Scale;
import cymru.noddfa.bench.generate.SearchMix;
import cymru.noddfa.bench.generate.SearchMix.SearchCriteria;
import cymru.noddfa.bench.generate.SyntheticProvision;
import cymru.noddfa.bench.peer.PeerDatabase;
import cymru.noddfa.bench.report.Chart;
import cymru.noddfa.bench.report.CpuUse;
import cymru.noddfa.bench.report.Heading;
import cymru.noddfa.bench.report.HoldRace;
import cymru.noddfa.bench.report.Latencies;
import cymru.noddfa.bench.report.Machine;
import cymru.noddfa.bench.report.ProcessCpu;
import cymru.noddfa.bench.report.Profile;
import cymru.noddfa.bench.report.SpeedCheck;
import cymru.noddfa.bench.report.Statements;
import cymru.noddfa.bench.report.Repeats;
import cymru.noddfa.bench.report.Report;
import cymru.noddfa.bench.report.ScaleRun;
import cymru.noddfa.bench.workload.Alerts;
import cymru.noddfa.bench.workload.Cancellations;
import cymru.noddfa.bench.workload.Freshness;
import cymru.noddfa.bench.workload.Holds;
import cymru.noddfa.bench.workload.Http;
import cymru.noddfa.bench.workload.Loading;
import cymru.noddfa.bench.workload.Searches;
import cymru.noddfa.bench.workload.Settle;
import cymru.noddfa.bench.workload.Tokens;
import cymru.noddfa.infra.PostgresServer;
import cymru.noddfa.stack.Stack;
import cymru.noddfa.stack.StackProcess;

/**
 * For each scale, starts a stack of its own in a JVM apart from this one (the load
 * generator), loads that scale's synthetic provisions, and runs every workload the given
 * number of times, each time after a warm-up at the full rate, sampling every process's
 * CPU around each measured window. Then the races once, the profiling run if asked, and
 * the report and chart.
 */
public final class Bench {

	/**
	 * The whole heap from the start, half of it young. With a third young, as the serial
	 * collector sizes a 256 MB start, the gateway collected about once a second under
	 * load, and on two busy cores a collection of a few milliseconds could stretch past
	 * 150 ms: the requests held up behind it reached the registry in one burst, beyond
	 * its places. A young generation three times as large collects a third as often; the
	 * live data (under 100 MB in every service) fits the old one with room to spare.
	 * <p>
	 * The serial collector frees old compiled code only in a full collection, which it
	 * starts once 15 % of the code cache has been compiled anew since the last: after 15
	 * to 30 minutes of load that stopped the matcher for 0.9 s and the registry for 0.26
	 * s mid-window. At 40 % it comes past the benchmark's length, with the cache (240 MB)
	 * still far from full. The services' container image runs G1, which sizes its young
	 * generation as large by itself and frees old code without stopping the service.
	 */
	static final List<String> SERVICE_JVM = List.of("-Xms512m", "-Xmx512m", "-Xmn256m", "-XX:+UseSerialGC",
			"-XX:SweeperThreshold=40", "-Xss512k");

	/** The launcher hosts the Kafka broker: the same reasoning as the services'. */
	static final List<String> LAUNCHER_JVM = List.of("-Xms768m", "-Xmx768m", "-Xmn256m", "-XX:+UseSerialGC");

	/**
	 * Unified logging of every collection, into a file per process: a pause stops every
	 * request in flight, so the pauses are read beside the latency tails they may
	 * explain. A line per collection costs nothing measurable.
	 */
	static final String GC_LOG = "-Xlog:gc:file=%s/gc-%%p.log:uptime,tags";

	/**
	 * A second matcher started with the switch that makes it answer searches from one
	 * PostgreSQL query: the like-for-like peer.
	 */
	static final String PEER_MATCHER = "placement-matcher-sql";

	static final String PEER_ENGINE = "sql";

	private static final String KAFKA = "Kafka broker (launcher JVM)";

	private static final String LOAD_GENERATOR = "load generator";

	private Bench() {
	}

	public static void main(String[] args) {
		Settings settings = Settings.parse(args);
		long began = System.nanoTime();
		Instant at = Instant.now();
		Machine machine = Machine.now();
		double load = Machine.oneMinuteLoad();
		System.out.println("Load average at start: " + machine.load());
		System.out.printf("Speed check at start (%s): %.0f ms%n", SpeedCheck.WORK, machine.speedCheckMs());
		if (load > Settings.MAX_LOAD_AT_START && !settings.allowBusy()) {
			System.out.printf("Refusing to start: the 1-minute load average is %.2f, above %.1f. Figures from a busy "
					+ "machine describe the machine, not the product. Wait for a quiet machine, or pass --allow-busy "
					+ "and the report will say it was busy.%n", load, Settings.MAX_LOAD_AT_START);
			System.exit(2);
		}
		ProvisionGenerator generator = new ProvisionGenerator(Geography.load(), settings.seed());
		List<ScaleRun> runs = new ArrayList<>();
		String[] postgis = { "not run" };
		for (Scale scale : settings.scales()) {
			runs.add(runScale(scale, settings, generator, postgis));
		}
		Duration took = Duration.ofNanos(System.nanoTime() - began);
		String loadAtEnd = Machine.loadAverage();
		double speedAtEnd = SpeedCheck.millis();
		System.out.printf("Speed check at end: %.0f ms%n", speedAtEnd);
		String markdown = Report.render(new Heading(at, machine, loadAtEnd, speedAtEnd, took, settings.command(),
				settings.describe(), settings.quick(), load > Settings.MAX_LOAD_AT_START, postgis[0]), runs);
		try {
			Path engine = settings.out().resolve("ENGINE.md");
			if (Files.exists(engine)) {
				markdown = Report.withEngine(markdown, Files.readString(engine));
			}
			Files.createDirectories(settings.out());
			Files.writeString(settings.out().resolve("REPORT.md"), markdown);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Chart.write(runs, settings.out().resolve("latency.png"));
		System.out.println(markdown);
		System.out.printf("Load average at end: %s. Whole run: %d min %d s. Report: %s%n", loadAtEnd, took.toMinutes(),
				took.toSecondsPart(), settings.out().resolve("REPORT.md"));
	}

	private static ScaleRun runScale(Scale scale, Settings settings, ProvisionGenerator generator, String[] postgis) {
		String label = scale.label();
		System.out.printf("== %s: %d provisions, on a stack of its own%n", label, scale.provisions());
		Path dataDir = Path.of("bench/target/stack-" + label).toAbsolutePath();
		deleteTree(dataDir);
		long starting = System.nanoTime();
		try (StackProcess stack = StackProcess.launch(settings.stackJar(), launcherJvm(dataDir, settings),
				stackArgs(settings, dataDir), dataDir.resolve("logs").resolve("launcher.log"), Duration.ofMinutes(6))) {
			System.out.printf("  stack ready after %.0f s (launcher pid %d)%n", (System.nanoTime() - starting) / 1e9,
					stack.launcherPid());
			createDatabase(stack.jdbcUrl("postgres"), "bench_peer");
			try (PeerDatabase peer = new PeerDatabase(stack.jdbcUrl("bench_peer"), PostgresServer.USER,
					PostgresServer.PASSWORD, 8)) {
				postgis[0] = peer.postgisAvailable()
						? "the stack's PostgreSQL offers `postgis`, but the KNN variant needs a matcher engine of its "
								+ "own (`noddfa.matcher.search.engine=postgis`) and was not run."
						: "not run: the stack's embedded PostgreSQL has no `postgis` in `pg_available_extensions` and "
								+ "no PostgreSQL with PostGIS (Debian's `postgresql-*-postgis-3`) runs beside it.";
				return new ScaleRunner(scale, settings, stack, peer).run(generator);
			}
		}
	}

	/** One scale's workloads on its own stack. */
	private static final class ScaleRunner {

		private final Scale scale;

		private final Settings settings;

		private final StackProcess stack;

		private final PeerDatabase peer;

		private final Http setup = new Http();

		private final Tokens tokens;

		private final Searches searches;

		private final ProcessCpu cpu;

		private final List<String> notes = new ArrayList<>();

		private final Map<String, List<Latencies>> results = new LinkedHashMap<>();

		private final Map<String, List<CpuUse>> cpuUse = new LinkedHashMap<>();

		private List<String> regions = List.of();

		private List<String> providers = List.of();

		ScaleRunner(Scale scale, Settings settings, StackProcess stack, PeerDatabase peer) {
			this.scale = scale;
			this.settings = settings;
			this.stack = stack;
			this.peer = peer;
			this.tokens = new Tokens(this.setup, stack.url(Stack.GATEWAY));
			this.searches = new Searches(new Http(settings.callTimeout()), this.tokens);
			this.cpu = new ProcessCpu(watched(stack));
		}

		ScaleRun run(ProvisionGenerator generator) {
			String label = this.scale.label();
			String gateway = this.stack.url(Stack.GATEWAY);
			Loading loading = new Loading(this.setup, this.tokens, gateway);
			List<SyntheticProvision> provisions = generator.provisions(this.scale);
			Latencies created = loading.create("create provision (gateway, admin)", provisions, 16);
			Duration caughtUp = loading.awaitReadModel(provisions, Duration.ofMinutes(10));
			this.notes.add(String.format(
					"Loaded %d provisions through the gateway in %.1f s (%.0f/s, 16 in flight, %d refused); the "
							+ "matcher had folded them %.1f s later. Nothing else was on this scale's stack but the "
							+ "race units.",
					created.count() - created.errors(), created.seconds(), created.achievedPerSecond(),
					created.errors(), caughtUp.toMillis() / 1000d));
			System.out.printf("  loaded in %.1f s, matcher caught up %.1f s later%n", created.seconds(),
					caughtUp.toMillis() / 1000d);
			this.peer.load(provisions);
			List<SearchCriteria> mix = SearchMix.searches(provisions, 2_000, this.settings.seed());
			this.regions = Stream.concat(mix.stream().map(SearchCriteria::regionCode), Stream.of("CTM", "WGL", "GWE"))
				.distinct()
				.toList();
			this.providers = provisions.stream().limit(1_000).map(SyntheticProvision::providerId).distinct().toList();
			String matcherSearches = this.stack.url(Stack.MATCHER) + "/v1/searches";
			String gatewaySearches = gateway + "/api/matching/v1/searches";
			String peerSearches = peerMatcherSearches(mix);
			Freshness freshness = new Freshness(new Http(this.settings.callTimeout()), this.tokens, gateway,
					loading.versions());
			Alerts alerts = new Alerts(new Http(this.settings.callTimeout()), this.tokens, gateway);
			Duration warmUp = this.settings.warmUp();
			Duration measure = this.settings.measure();
			Duration timeout = this.settings.callTimeout();
			for (int repeat = 1; repeat <= this.settings.repeats(); repeat++) {
				System.out.printf("  run %d of %d%n", repeat, this.settings.repeats());
				measured(
						() -> freshness.run(provisions, 400, this.settings.updateRate(), warmUp, timeout,
								this.settings.traceEvery(), this.settings.freshnessWatch()),
						() -> freshness.run(provisions, 400, this.settings.updateRate(), measure, timeout,
								this.settings.traceEvery(), this.settings.freshnessWatch()));
				List<Runnable> matcherAndPeer = new ArrayList<>();
				matcherAndPeer.add(() -> search(Report.MATCHER, matcherSearches, mix));
				if (peerSearches != null) {
					matcherAndPeer.add(() -> search(Report.HTTP_PEER, peerSearches, mix));
				}
				if (repeat % 2 == 0) {
					java.util.Collections.reverse(matcherAndPeer);
				}
				matcherAndPeer.forEach(Runnable::run);
				search(Report.GATEWAY, gatewaySearches, mix);
				measured(() -> List.of(this.peer.search("warm-up", mix, this.settings.searchRate(), warmUp, timeout)),
						() -> List
							.of(this.peer.search(Report.JDBC_PEER, mix, this.settings.searchRate(), measure, timeout)));
				// the notifications service first reads what earlier workloads left
				Duration drained = Settle.untilConsumed(this.stack.kafkaBootstrapServers(), "notifications",
						Duration.ofSeconds(90));
				if (drained.toSeconds() > 5) {
					this.notes.add(String.format(
							"Run %d: before the alerts the notifications service took %.1f s to "
									+ "read the events earlier workloads left (waited for at most 90 s).",
							repeat, drained.toMillis() / 1000d));
				}
				measured(() -> List.of(alerts.run(label, this.settings.alertRate(), warmUp, timeout)),
						() -> List.of(alerts.run(label, this.settings.alertRate(), measure, timeout)));
				Cancellations.Closed closed = alerts.closeReferrals();
				System.out.printf("  cancelled the %d referrals the alerts made (%d refused)%n", closed.cancelled(),
						closed.refused());
				if (repeat == 1) {
					this.notes.add(String.format("After each alerts workload the referrals it made are cancelled "
							+ "(outside the measured window), so that later vacancy changes do not announce matches "
							+ "to a waiting list no region has; run 1: %d cancelled, %d refused.", closed.cancelled(),
							closed.refused()));
				}
			}
			double[] candidates = { this.searches.meanCandidates(matcherSearches, mix, 200),
					this.peer.meanCandidates(mix, 200) };
			List<HoldRace> races = races(label);
			List<Profile.Summary> profiles = this.settings.profile()
					? profile(label, freshness, provisions, matcherSearches, gatewaySearches, mix) : List.of();
			List<Repeats> workloads = new ArrayList<>();
			this.results.forEach((workload, runs) -> workloads
				.add(new Repeats(workload, runs, this.cpuUse.getOrDefault(workload, List.of()))));
			return new ScaleRun(label, provisions.size(), workloads, races, candidates, profiles, this.notes);
		}

		/**
		 * The peer matcher's search URL when it answers with the SQL engine; null (and a
		 * note) when it is not running or answers with another.
		 */
		private String peerMatcherSearches(List<SearchCriteria> mix) {
			if (!this.stack.services().contains(PEER_MATCHER)) {
				this.notes.add("The like-for-like peer (a second matcher with `noddfa.matcher.search.engine="
						+ PEER_ENGINE + "`) was not started (`--no-peer-matcher`).");
				return null;
			}
			String url = this.stack.url(PEER_MATCHER) + "/v1/searches";
			String engine = this.searches.engine(url, mix.get(0));
			if (!PEER_ENGINE.equals(engine)) {
				this.notes.add("The like-for-like peer did not run: the second matcher, started with `noddfa.matcher."
						+ "search.engine=" + PEER_ENGINE + "`, answered with `" + Searches.ENGINE_HEADER + ": "
						+ (engine.isEmpty() ? "(none)" : engine) + "`, so it has no SQL engine to measure; the JDBC "
						+ "peer is reported instead, and the peer ratio is not judged.");
				return null;
			}
			return url;
		}

		private void search(String workload, String url, List<SearchCriteria> mix) {
			measured(
					() -> List
						.of(this.searches.run("warm-up", url, mix, this.settings.searchRate(), this.settings.warmUp())),
					() -> List.of(this.searches.run(workload, url, mix, this.settings.searchRate(),
							this.settings.measure())));
		}

		/**
		 * A quiet stack, tokens minted, the gateway answering, a warm-up at the full
		 * rate, then the measured window between two CPU samples. The first figures
		 * returned are the ones the window's CPU is charged to.
		 */
		private void measured(Supplier<List<Latencies>> warmUp, Supplier<List<Latencies>> measure) {
			Duration quiet = Settle.untilQuiet(this.cpu, Duration.ofMinutes(3));
			this.tokens.prepare(this.regions, this.providers,
					this.settings.warmUp().plus(this.settings.measure()).plusSeconds(120));
			Settle.untilSearchesAnswer(this.setup, this.tokens, this.stack.url(Stack.GATEWAY));
			warmUp.get();
			long minted = this.tokens.minted();
			ProcessCpu.Sample before = this.cpu.sample();
			List<Latencies> figures = measure.get();
			ProcessCpu.Sample after = this.cpu.sample();
			CpuUse used = this.cpu.between(before, after);
			String workload = figures.get(0).workload();
			int run = this.results.getOrDefault(workload, List.of()).size() + 1;
			if (quiet.toSeconds() >= 5) {
				this.notes.add(String.format(
						"%s, run %d: before its warm-up the stack took %.1f s to go quiet (under a quarter of a core "
								+ "for 3 s; waited for at most 3 min) after the workload before.",
						workload, run, quiet.toMillis() / 1000d));
			}
			if (this.tokens.minted() != minted) {
				this.notes.add(String.format("%s, run %d: %d tokens were minted during a measured window.", workload,
						run, this.tokens.minted() - minted));
			}
			for (int i = 0; i < figures.size(); i++) {
				Latencies latencies = figures.get(i);
				this.results.computeIfAbsent(latencies.workload(), (w) -> new ArrayList<>()).add(latencies);
				if (i == 0) {
					this.cpuUse.computeIfAbsent(latencies.workload(), (w) -> new ArrayList<>()).add(used);
				}
				System.out.printf(
						"  %-45s n=%d err=%d p50=%.2f p99=%.2f max=%.1f ms, %.0f/s, stack CPU %.0f ms (quiet after %.1f s)%n",
						latencies.workload(), latencies.count(), latencies.errors(), latencies.p50(), latencies.p99(),
						latencies.max(), latencies.achievedPerSecond(), (i == 0) ? used.stackMillis() : 0,
						quiet.toMillis() / 1000d);
			}
		}

		private List<HoldRace> races(String label) {
			Holds holds = new Holds(this.setup, this.tokens, this.stack.url(Stack.GATEWAY),
					this.stack.url(Stack.MATCHER));
			List<HoldRace> races = new ArrayList<>();
			for (int[] level : this.settings.races()) {
				Settle.untilSearchesAnswer(this.setup, this.tokens, this.stack.url(Stack.GATEWAY));
				HoldRace race = holds.race(label, level[0], level[1]);
				races.add(race);
				System.out.printf("  race %d on %d: %d held, %d refused, matcher says %d held%n", level[0], level[1],
						race.won(), race.refused(), race.held());
			}
			return races;
		}

		/**
		 * A run of its own with Java Flight Recorder in the registry, matcher and
		 * gateway; its figures are not reported, only where the CPU went.
		 */
		private List<Profile.Summary> profile(String label, Freshness freshness, List<SyntheticProvision> provisions,
				String matcherSearches, String gatewaySearches, List<SearchCriteria> mix) {
			long registry = this.stack.pid(Stack.REGISTRY);
			long matcher = this.stack.pid(Stack.MATCHER);
			long gateway = this.stack.pid(Stack.GATEWAY);
			long notifications = this.stack.pid(Stack.NOTIFICATIONS);
			long panels = this.stack.pid(Stack.PANELS);
			Path jfr = Path.of("bench/target/jfr");
			Duration window = this.settings.measure();
			this.tokens.prepare(this.regions, this.providers, window.multipliedBy(3).plusSeconds(120));
			List<Long> updated = List.of(registry, gateway, matcher, notifications, panels);
			// the races' cancellations are still being read: let them be, so the profile
			// shows this workload
			for (String group : List.of("placement-matcher", "notifications", "panels")) {
				Settle.untilConsumed(this.stack.kafkaBootstrapServers(), group, Duration.ofSeconds(90));
			}
			Statements statements = new Statements(this.stack.jdbcUrl("postgres"), PostgresServer.USER,
					PostgresServer.PASSWORD);
			statements.reset();
			updated.forEach((pid) -> Profile.start(pid, "fresh-" + label));
			freshness.run(provisions, 400, this.settings.updateRate(), window, this.settings.callTimeout(),
					this.settings.traceEvery(), this.settings.freshnessWatch());
			this.notes.add(statements.top(15)
				.stream()
				.map((top) -> "\n  - " + top.describe())
				.collect(Collectors.joining("", "PostgreSQL in the profiling run's freshness workload, the statements "
						+ "that took the most time (`pg_stat_statements`, waits such as a commit's flush included):",
						"")));
			Path registryJfr = Profile.stop(registry, "fresh-" + label,
					jfr.resolve("registry-fresh-" + label + ".jfr"));
			Path gatewayFreshJfr = Profile.stop(gateway, "fresh-" + label,
					jfr.resolve("gateway-fresh-" + label + ".jfr"));
			Path matcherFreshJfr = Profile.stop(matcher, "fresh-" + label,
					jfr.resolve("matcher-fresh-" + label + ".jfr"));
			Path notificationsJfr = Profile.stop(notifications, "fresh-" + label,
					jfr.resolve("notifications-fresh-" + label + ".jfr"));
			Path panelsJfr = Profile.stop(panels, "fresh-" + label, jfr.resolve("panels-fresh-" + label + ".jfr"));
			Profile.start(matcher, "search-" + label);
			Profile.start(gateway, "search-" + label);
			this.searches.run("profiled", matcherSearches, mix, this.settings.searchRate(), window);
			this.searches.run("profiled", gatewaySearches, mix, this.settings.searchRate(), window);
			Path matcherJfr = Profile.stop(matcher, "search-" + label, jfr.resolve("matcher-" + label + ".jfr"));
			Path gatewayJfr = Profile.stop(gateway, "search-" + label, jfr.resolve("gateway-" + label + ".jfr"));
			return List.of(Profile.summarise("the registry during the freshness workload", registryJfr),
					Profile.summarise("the gateway during the freshness workload", gatewayFreshJfr),
					Profile.summarise("the matcher during the freshness workload", matcherFreshJfr),
					Profile.summarise("the notifications service during the freshness workload", notificationsJfr),
					Profile.summarise("the panels service during the freshness workload", panelsJfr),
					Profile.summarise("the matcher during the search workload", matcherJfr),
					Profile.summarise("the gateway during the search workloads", gatewayJfr));
		}

	}

	/** Every process of the stack, and those measured apart from it. */
	private static List<ProcessCpu.Watched> watched(StackProcess stack) {
		List<ProcessCpu.Watched> watched = new ArrayList<>();
		watched.add(new ProcessCpu.Watched(KAFKA, stack.launcherPid(), false, true));
		watched.add(new ProcessCpu.Watched("PostgreSQL", stack.postgresPid(), true, true));
		watched.add(new ProcessCpu.Watched("Redis", stack.redisPid(), false, true));
		for (String service : List.of(Stack.GATEWAY, Stack.REGISTRY, Stack.MATCHER, Stack.NOTIFICATIONS,
				Stack.PANELS)) {
			watched.add(new ProcessCpu.Watched(service, stack.pid(service), false, true));
		}
		if (stack.services().contains(PEER_MATCHER)) {
			watched.add(new ProcessCpu.Watched("peer matcher", stack.pid(PEER_MATCHER), false, false));
		}
		watched.add(new ProcessCpu.Watched(LOAD_GENERATOR, ProcessHandle.current().pid(), false, false));
		return watched;
	}

	private static List<String> launcherJvm(Path dataDir, Settings settings) {
		List<String> jvm = new ArrayList<>(LAUNCHER_JVM);
		jvm.add("-Dnoddfa.log-dir=" + dataDir.resolve("logs"));
		jvm.add(gcLog(dataDir));
		if (settings.profile()) {
			jvm.add("-D" + PostgresServer.TRACK_STATEMENTS + "=true");
		}
		return jvm;
	}

	private static String gcLog(Path dataDir) {
		return String.format(GC_LOG, dataDir.resolve("logs"));
	}

	private static List<String> stackArgs(Settings settings, Path dataDir) {
		List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--services-dir",
				settings.servicesDir().toAbsolutePath().toString()));
		SERVICE_JVM.forEach((option) -> args.addAll(List.of("--jvm-arg", option)));
		args.addAll(List.of("--jvm-arg", gcLog(dataDir)));
		if (settings.profile()) {
			// a reactive request's stack is hundreds of frames deep: at JFR's default of
			// 64
			// the gateway's samples lost the filters they ran in. The option costs
			// nothing
			// until the profiling run starts recording.
			args.addAll(List.of("--jvm-arg", "-XX:FlightRecorderOptions:stackdepth=512"));
		}
		gatewayArgs().forEach((arg) -> args.addAll(List.of("--arg", Stack.GATEWAY + "=" + arg)));
		// one team races for every bed here: the hoarding cap would refuse its sixth hold
		// before the race is decided
		args.addAll(List.of("--arg", Stack.MATCHER + "=--noddfa.matcher.holds.team-cap=100000"));
		if (settings.peerMatcher()) {
			// the peer only answers searches: it shares the matcher's database and
			// Redis, so it reads what the matcher folds. With its listeners started it
			// would join the matcher's consumer group and fold half of every change,
			// work of the stack counted apart from it
			args.addAll(List.of("--another", PEER_MATCHER + "=" + Stack.MATCHER, "--arg",
					PEER_MATCHER + "=--noddfa.matcher.search.engine=" + PEER_ENGINE, "--arg",
					PEER_MATCHER + "=--spring.kafka.listener.auto-startup=false"));
		}
		return args;
	}

	/**
	 * Limits far above the workloads: the benchmark measures the path, the buckets still
	 * run.
	 */
	private static List<String> gatewayArgs() {
		List<String> args = new ArrayList<>();
		for (String bucket : List.of("anonymous", "user", "client-ip", "roles.CRISIS_TEAM", "roles.PROVIDER",
				"roles.ADMIN")) {
			args.add("--noddfa.gateway.rate-limit." + bucket + ".per-second=100000");
			args.add("--noddfa.gateway.rate-limit." + bucket + ".burst=200000");
		}
		return args;
	}

	private static void createDatabase(String postgresUrl, String name) {
		try (Connection connection = DriverManager.getConnection(postgresUrl, PostgresServer.USER,
				PostgresServer.PASSWORD); Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
	}

	private static void deleteTree(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
