package cymru.noddfa.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cymru.noddfa.bench.generate.ProvisionGenerator;
import cymru.noddfa.bench.generate.Scale;

/**
 * What a run does: scales, rates and durations. {@code --quick} halves the measuring
 * time; the rates stay those of DESIGN §7.
 */
record Settings(List<Scale> scales, boolean quick, long seed, Path out, Path servicesDir, String command) {

	static Settings parse(String[] args) {
		List<Scale> scales = new ArrayList<>(List.of(Scale.WALES, Scale.ENGLAND));
		boolean quick = false;
		long seed = ProvisionGenerator.DEFAULT_SEED;
		Path out = Path.of("bench/results");
		Path services = Path.of("local-stack/target/services");
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
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--out" -> out = Path.of(args[++i]);
				case "--services-dir" -> services = Path.of(args[++i]);
				default -> throw new IllegalArgumentException("Unknown option " + args[i]
						+ " (--scales wales,england  --national  --quick  --seed N  --out DIR)");
			}
		}
		scales.sort(null);
		return new Settings(List.copyOf(scales), quick, seed, out, services, "bin/bench " + String.join(" ", args));
	}

	double updateRate() {
		return 200;
	}

	int traceEvery() {
		return 4;
	}

	double searchRate() {
		return 300;
	}

	double lowerSearchRate() {
		return 50;
	}

	Duration lowerRateFor() {
		return Duration.ofSeconds(10);
	}

	double alertRate() {
		return 10;
	}

	Duration warmUp() {
		return this.quick ? Duration.ofSeconds(3) : Duration.ofSeconds(6);
	}

	Duration freshnessFor() {
		return this.quick ? Duration.ofSeconds(10) : Duration.ofSeconds(15);
	}

	Duration searchFor() {
		return this.quick ? Duration.ofSeconds(10) : Duration.ofSeconds(15);
	}

	Duration alertsFor() {
		return this.quick ? Duration.ofSeconds(8) : Duration.ofSeconds(15);
	}

	/** Concurrent holds and beds: DESIGN §7's two races. */
	List<int[]> races() {
		return List.of(new int[] { 200, 1 }, new int[] { 1000, 100 });
	}

	List<String> describe() {
		return List.of("scales: " + String.join(", ", this.scales.stream().map(Scale::label).toList()),
				"seed: " + this.seed, "service JVMs: `" + String.join(" ", Bench.SERVICE_JVM) + "`",
				"vacancy updates: " + updateRate() + "/s for " + freshnessFor().toSeconds() + " s, every "
						+ traceEvery() + "th traced for freshness",
				"searches: " + searchRate() + "/s for " + searchFor().toSeconds() + " s each at the matcher, the "
						+ "gateway and the peer, after " + warmUp().toSeconds() + " s of warm-up at 100/s; then "
						+ lowerSearchRate() + "/s for " + lowerRateFor().toSeconds() + " s through the gateway",
				"holds: "
						+ String.join(", ",
								races().stream().map((r) -> r[0] + " at once on " + r[1] + " bed(s)").toList())
						+ ", raced at the matcher",
				"alerts: " + alertRate() + " referrals/s for " + alertsFor().toSeconds() + " s",
				"gateway rate limits: raised to 100 000/s for the run; matcher team hold cap: 100 000");
	}

}
