package cymru.noddfa.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cymru.noddfa.bench.generate.ProvisionGenerator;
import cymru.noddfa.bench.generate.Scale;
import cymru.noddfa.bench.workload.Freshness;

/**
 * What a run does: scales, rates, windows and repeats. The rates are those of DESIGN §7
 * and issue 15; {@code --quick} shortens the windows, and its report says it is not for
 * comparison.
 */
record Settings(List<Scale> scales, boolean quick, int repeats, boolean profile, boolean allowBusy, boolean peerMatcher,
		long seed, Path out, Path servicesDir, Path stackJar, String command) {

	/** Above this 1-minute load average a run refuses to start without --allow-busy. */
	static final double MAX_LOAD_AT_START = 1.0;

	static final String USAGE = "(--scales wales,england  --national  --quick  --repeats N  --profile  --allow-busy  "
			+ "--no-peer-matcher  --seed N  --out DIR  --services-dir DIR  --stack-jar JAR)";

	static Settings parse(String[] args) {
		List<Scale> scales = new ArrayList<>(List.of(Scale.WALES, Scale.ENGLAND));
		boolean quick = false;
		int repeats = 3;
		boolean profile = false;
		boolean allowBusy = false;
		boolean peerMatcher = true;
		long seed = ProvisionGenerator.DEFAULT_SEED;
		Path out = Path.of("bench/results");
		Path services = Path.of("local-stack/target/services");
		Path stackJar = null;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--scales" -> {
					scales.clear();
					for (String scale : args[++i].split(",")) {
						scales.add(Scale.of(scale));
					}
				}
				case "--national" -> {
					if (!scales.contains(Scale.NATIONAL)) {
						scales.add(Scale.NATIONAL);
					}
				}
				case "--quick" -> quick = true;
				case "--repeats" -> repeats = Math.max(1, Integer.parseInt(args[++i]));
				case "--profile" -> profile = true;
				case "--allow-busy" -> allowBusy = true;
				case "--no-peer-matcher" -> peerMatcher = false;
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--out" -> out = Path.of(args[++i]);
				case "--services-dir" -> services = Path.of(args[++i]);
				case "--stack-jar" -> stackJar = Path.of(args[++i]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i] + " " + USAGE);
			}
		}
		scales.sort(null);
		return new Settings(List.copyOf(scales), quick, repeats, profile, allowBusy, peerMatcher, seed, out, services,
				(stackJar != null) ? stackJar : localStackJar(), "bin/bench " + String.join(" ", args));
	}

	/** The local stack's executable jar, as {@code bin/bench} builds it. */
	private static Path localStackJar() {
		Path target = Path.of("local-stack/target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter((file) -> file.getFileName().toString().matches("local-stack-.*-exec\\.jar"))
				.findFirst()
				.orElse(target.resolve("local-stack-exec.jar"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	double updateRate() {
		return 200;
	}

	/**
	 * One change in 8: 25 traces a second asked, 1 500 in a 60 s window, above the 1 000
	 * the freshness target is read over. Every trace's looks are searches through the
	 * gateway in the update window, so tracing more would charge the updates with more of
	 * the instrument's own load (one in 4 was about a fifth of the stack's CPU there)
	 * without making the percentile any better founded.
	 */
	int traceEvery() {
		return 8;
	}

	/**
	 * Why these two numbers: every look is a search through the gateway, charged to the
	 * stack's CPU in the update window, and looking every 20 ms from the 2xx on added one
	 * search for every update asked. So the first look waits 100 ms, well inside the 250
	 * ms target, and the looks after it come every 20 ms, a tenth of the target.
	 */
	Freshness.Watch freshnessWatch() {
		return new Freshness.Watch(100, 20);
	}

	double searchRate() {
		return 300;
	}

	double alertRate() {
		return 10;
	}

	/** At the full rate, before every measured window; never recorded. */
	Duration warmUp() {
		return this.quick ? Duration.ofSeconds(5) : Duration.ofSeconds(30);
	}

	/** Every measured window. */
	Duration measure() {
		return this.quick ? Duration.ofSeconds(15) : Duration.ofSeconds(60);
	}

	/**
	 * How long a measured call waits for its answer; a failed or timed-out call counts at
	 * least this much.
	 */
	Duration callTimeout() {
		return Duration.ofSeconds(5);
	}

	/** Concurrent holds and beds: DESIGN §7's two races. */
	List<int[]> races() {
		return List.of(new int[] { 200, 1 }, new int[] { 1000, 100 });
	}

	List<String> describe() {
		return List.of("scales: " + String.join(", ", this.scales.stream().map(Scale::label).toList()),
				"seed: " + this.seed,
				"windows: " + warmUp().toSeconds() + " s of warm-up at the full rate, then " + measure().toSeconds()
						+ " s measured, for every workload" + (this.quick ? " (quick, not for comparison)" : ""),
				"repeats: " + this.repeats + " runs of every workload per scale, the matcher and the peer matcher "
						+ "alternating which goes first",
				"call timeout: " + callTimeout().toSeconds() + " s; a failed or timed-out call counts at its "
						+ "elapsed time or this, whichever is larger",
				"service JVMs: `" + String.join(" ", Bench.SERVICE_JVM) + "`",
				"launcher JVM (Kafka broker): `" + String.join(" ", Bench.LAUNCHER_JVM) + "`",
				"garbage collection: every JVM of the stack logs its collections and their pauses (`"
						+ String.format(Bench.GC_LOG, "<logs>") + "`), one file per process beside the services' logs",
				"vacancy updates: " + updateRate() + "/s, every " + traceEvery() + "th traced for freshness: "
						+ freshnessWatch().describe(),
				"searches: " + searchRate() + "/s at the matcher, the peer matcher, through the gateway, and over "
						+ "JDBC; admission time fixed at " + cymru.noddfa.bench.generate.SearchMix.ADMISSION_AT,
				"alerts: " + alertRate() + " referrals/s",
				"holds: "
						+ String.join(", ",
								races().stream().map((r) -> r[0] + " at once on " + r[1] + " bed(s)").toList())
						+ ", raced once per scale at the matcher after the measured runs",
				"profiling: " + profiling(),
				"gateway rate limits: raised to 100 000/s for the run; matcher team hold cap: 100 000");
	}

	private String profiling() {
		return this.profile ? "a separate JFR run after the measured ones; PostgreSQL has `pg_stat_statements` "
				+ "loaded for the whole run" : "not run (`--profile`)";
	}

}
