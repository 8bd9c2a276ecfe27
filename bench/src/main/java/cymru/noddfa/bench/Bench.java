package cymru.noddfa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cymru.noddfa.bench.generate.Geography;
import cymru.noddfa.bench.generate.ProvisionGenerator;
import cymru.noddfa.bench.generate.Scale;
import cymru.noddfa.bench.generate.SearchMix;
import cymru.noddfa.bench.generate.SearchMix.SearchCriteria;
import cymru.noddfa.bench.generate.SyntheticProvision;
import cymru.noddfa.bench.peer.PeerDatabase;
import cymru.noddfa.bench.report.Chart;
import cymru.noddfa.bench.report.HoldRace;
import cymru.noddfa.bench.report.Latencies;
import cymru.noddfa.bench.report.Machine;
import cymru.noddfa.bench.report.Profile;
import cymru.noddfa.bench.report.Report;
import cymru.noddfa.bench.report.ScaleRun;
import cymru.noddfa.bench.workload.Alerts;
import cymru.noddfa.bench.workload.Freshness;
import cymru.noddfa.bench.workload.Holds;
import cymru.noddfa.bench.workload.Http;
import cymru.noddfa.bench.workload.Loading;
import cymru.noddfa.bench.workload.Searches;
import cymru.noddfa.bench.workload.Settle;
import cymru.noddfa.bench.workload.Tokens;
import cymru.noddfa.infra.EmbeddedInfrastructure;
import cymru.noddfa.infra.FreePort;
import cymru.noddfa.infra.PostgresServer;
import cymru.noddfa.stack.Stack;
import cymru.noddfa.stack.StackOptions;

/**
 * Starts the whole stack once on free ports, then for each scale loads that scale's
 * synthetic provisions (on top of the smaller scales' ones) and runs the workloads, and
 * writes the report and chart.
 */
public final class Bench {

	static final List<String> SERVICE_JVM = List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC", "-Xss512k");

	private Bench() {
	}

	public static void main(String[] args) {
		Settings settings = Settings.parse(args);
		long began = System.nanoTime();
		Instant at = Instant.now();
		Machine machine = Machine.now();
		System.out.println("Load average at start: " + machine.load());
		Path work = Path.of("bench/target");
		Path dataDir = work.resolve("stack-data");
		deleteTree(dataDir);
		StackOptions options = new StackOptions(dataDir, settings.servicesDir(), EmbeddedInfrastructure.Ports.any(),
				new StackOptions.ServicePorts(FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick()),
				"local", false, SERVICE_JVM, Map.of(Stack.GATEWAY, gatewayArgs(), Stack.MATCHER,
						// one team races for every bed here: the hoarding cap would
						// refuse its sixth hold before the race is decided
						List.of("--noddfa.matcher.holds.team-cap=100000")));
		System.out.println("Starting the stack (Kafka, PostgreSQL, Redis, four services) ...");
		List<ScaleRun> runs = new ArrayList<>();
		boolean postgis;
		try (Stack stack = Stack.start(options, Duration.ofSeconds(300))) {
			System.out.printf("Stack ready after %.0f s%n", (System.nanoTime() - began) / 1e9);
			PostgresServer postgres = stack.infrastructure().postgres();
			postgres.createDatabase("bench_peer");
			try (PeerDatabase peer = new PeerDatabase(postgres.jdbcUrl("bench_peer"), PostgresServer.USER,
					PostgresServer.PASSWORD, 8)) {
				postgis = peer.postgisAvailable();
				Http http = new Http();
				String gateway = stack.gatewayUrl();
				Tokens tokens = new Tokens(http, gateway);
				Loading loading = new Loading(http, tokens, gateway);
				ProvisionGenerator generator = new ProvisionGenerator(Geography.load(), settings.seed());
				int loaded = 0;
				for (Scale scale : settings.scales()) {
					runs.add(runScale(scale, settings, stack, peer, http, tokens, loading, generator, loaded));
					loaded += scale.provisions();
				}
			}
		}
		Duration took = Duration.ofNanos(System.nanoTime() - began);
		String loadAtEnd = Machine.loadAverage();
		String markdown = Report.render(at, machine, loadAtEnd, took, settings.command(), settings.describe(), postgis,
				runs);
		try {
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

	private static ScaleRun runScale(Scale scale, Settings settings, Stack stack, PeerDatabase peer, Http http,
			Tokens tokens, Loading loading, ProvisionGenerator generator, int alreadyLoaded) {
		String label = scale.label();
		List<Latencies> results = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		System.out.printf("== %s: %d provisions%n", label, scale.provisions());
		List<SyntheticProvision> provisions = generator.provisions(scale);
		Latencies created = loading.create("create provision (gateway, admin)", provisions, 16);
		results.add(created);
		Duration caughtUp = loading.awaitReadModel(provisions, Duration.ofMinutes(5));
		int held = alreadyLoaded + scale.provisions();
		notes.add(String.format(
				"Loaded %d provisions through the gateway in %.1f s (%.0f/s, 16 in flight); the "
						+ "matcher had folded them %.1f s later. The stack also held the %d provisions of the smaller "
						+ "scales run before, and the race units.",
				created.count(), created.seconds(), created.achievedPerSecond(), caughtUp.toMillis() / 1000d,
				alreadyLoaded));
		System.out.printf("  loaded in %.1f s, matcher caught up %.1f s later%n", created.seconds(),
				caughtUp.toMillis() / 1000d);
		peer.load(provisions);
		List<SearchCriteria> mix = SearchMix.searches(provisions, 2_000, settings.seed());
		Searches searches = new Searches(http, tokens);
		String matcherSearches = stack.service(Stack.MATCHER).url() + "/v1/searches";
		String gatewaySearches = stack.gatewayUrl() + "/api/matching/v1/searches";
		// JIT warm-up, not recorded
		searches.run("warm-up", matcherSearches, mix, 100, settings.warmUp());
		searches.run("warm-up", gatewaySearches, mix, 100, settings.warmUp());
		peer.search("warm-up", mix, 50, settings.warmUp());

		long registryPid = stack.service(Stack.REGISTRY).pid();
		long matcherPid = stack.service(Stack.MATCHER).pid();
		long gatewayPid = stack.service(Stack.GATEWAY).pid();
		Path jfr = Path.of("bench/target/jfr");
		Settle.untilSearchesAnswer(http, tokens, stack.gatewayUrl());
		Profile.start(registryPid, "fresh-" + label);
		Profile.start(gatewayPid, "fresh-" + label);
		Freshness freshness = new Freshness(http, tokens, stack.gatewayUrl(), loading.versions());
		results.addAll(freshness.run(provisions, 400, settings.updateRate(), settings.freshnessFor(),
				settings.traceEvery(), 5));
		Path registryJfr = Profile.stop(registryPid, "fresh-" + label, jfr.resolve("registry-fresh-" + label + ".jfr"));
		Path gatewayFreshJfr = Profile.stop(gatewayPid, "fresh-" + label,
				jfr.resolve("gateway-fresh-" + label + ".jfr"));
		print(results);

		Profile.start(matcherPid, "bench-" + label);
		Profile.start(gatewayPid, "bench-" + label);
		results
			.add(searches.run("search (matcher)", matcherSearches, mix, settings.searchRate(), settings.searchFor()));
		results
			.add(searches.run("search (gateway)", gatewaySearches, mix, settings.searchRate(), settings.searchFor()));
		// below the rate at which the gateway's circuit breaker starts shedding, to show
		// the path's own latency
		Settle.untilSearchesAnswer(http, tokens, stack.gatewayUrl());
		results.add(searches.run("search (gateway) at a lower rate", gatewaySearches, mix, settings.lowerSearchRate(),
				settings.lowerRateFor()));
		Path matcherJfr = Profile.stop(matcherPid, "bench-" + label, jfr.resolve("matcher-" + label + ".jfr"));
		Path gatewayJfr = Profile.stop(gatewayPid, "bench-" + label, jfr.resolve("gateway-" + label + ".jfr"));
		results
			.add(peer.search("search (peer: one PostgreSQL query)", mix, settings.searchRate(), settings.searchFor()));
		print(results);
		double[] candidates = { searches.meanCandidates(matcherSearches, mix, 200), peer.meanCandidates(mix, 200) };
		List<Profile.Summary> profiles = List.of(
				Profile.summarise("the registry during the freshness workload", registryJfr),
				Profile.summarise("the gateway during the freshness workload", gatewayFreshJfr),
				Profile.summarise("the matcher during the search workload", matcherJfr),
				Profile.summarise("the gateway during the search workload", gatewayJfr));

		// alerts before the races: a race's thousand referrals are events the
		// notifications
		// service must also work through
		Settle.untilSearchesAnswer(http, tokens, stack.gatewayUrl());
		Duration drained = Settle.untilConsumed(stack.infrastructure().kafka().bootstrapServers(), "notifications",
				Duration.ofSeconds(90));
		Latencies alerts = new Alerts(http, tokens, stack.gatewayUrl()).run(label, settings.alertRate(),
				settings.alertsFor());
		results.add(alerts);
		notes.add(String.format(
				"Before the alerts workload the notifications service took %.1f s to read the "
						+ "events earlier workloads left on its topics (waited for at most 90 s).",
				drained.toMillis() / 1000d));
		print(List.of(alerts));
		Holds holds = new Holds(http, tokens, stack.gatewayUrl(), stack.service(Stack.MATCHER).url());
		List<HoldRace> races = new ArrayList<>();
		for (int[] level : settings.races()) {
			Settle.untilSearchesAnswer(http, tokens, stack.gatewayUrl());
			HoldRace race = holds.race(label, level[0], level[1]);
			races.add(race);
			results.add(race.latencies());
			System.out.printf("  race %d on %d: %d held, %d refused, matcher says %d held%n", level[0], level[1],
					race.won(), race.refused(), race.held());
		}
		return new ScaleRun(label, held, results, races, candidates, profiles, notes);
	}

	private static void print(List<Latencies> results) {
		for (Latencies l : results) {
			System.out.printf("  %-45s n=%d err=%d p50=%.2f p99=%.2f max=%.1f ms, %.0f/s%n", l.workload(), l.count(),
					l.errors(), l.p50(), l.p99(), l.max(), l.achievedPerSecond());
		}
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
