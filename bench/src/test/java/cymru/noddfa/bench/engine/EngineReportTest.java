package cymru.noddfa.bench.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineReportTest {

	/**
	 * Trimmed from a JMH 1.37 run: sample time in µs, throughput in calls a µs, a group.
	 */
	private static final String JMH_JSON = """
			[
			  {
			    "jmhVersion": "1.37",
			    "benchmark": "cymru.noddfa.matcher.search.IndexSearchBenchmark.search",
			    "mode": "sample", "threads": 1, "forks": 1,
			    "jvmArgs": ["-Xms1g", "-Xmx1g"],
			    "jdkVersion": "25.0.3", "vmName": "OpenJDK 64-Bit Server VM", "vmVersion": "25.0.3+9-LTS",
			    "warmupIterations": 3, "warmupTime": "5 s", "measurementIterations": 5, "measurementTime": "10 s",
			    "params": {"scale": "national"},
			    "primaryMetric": {
			      "score": 42.123, "scoreError": 0.456, "scoreUnit": "us/op",
			      "scorePercentiles": {"0.0": 10.0, "50.0": 38.4, "90.0": 60.0, "99.0": 151.7, "99.9": 1234.5, "100.0": 9000.0}
			    },
			    "secondaryMetrics": {"p0.50": {"score": 38.4, "scoreError": "NaN", "scoreUnit": "us/op"}}
			  },
			  {
			    "jmhVersion": "1.37",
			    "benchmark": "cymru.noddfa.matcher.search.IndexSearchBenchmark.search",
			    "mode": "thrpt", "threads": 1, "forks": 1,
			    "params": {"scale": "wales"},
			    "primaryMetric": {"score": 0.0251, "scoreError": "NaN", "scoreUnit": "ops/us"},
			    "secondaryMetrics": {}
			  },
			  {
			    "jmhVersion": "1.37",
			    "benchmark": "cymru.noddfa.matcher.search.IndexSearchBenchmark.searchWhileUpdating",
			    "mode": "sample", "threads": 4, "forks": 1,
			    "params": {"scale": "national"},
			    "primaryMetric": {"score": 20.0, "scoreError": 1.0, "scoreUnit": "us/op",
			      "scorePercentiles": {"50.0": 5.0, "99.0": 50.0, "99.9": 100.0}},
			    "secondaryMetrics": {
			      "searching": {"score": 30.0, "scoreError": 2.0, "scoreUnit": "us/op",
			        "scorePercentiles": {"50.0": 29.0, "99.0": 99.0, "99.9": 456.0}},
			      "searching:p0.50": {"score": 29.0, "scoreError": "NaN", "scoreUnit": "us/op"},
			      "p0.50": {"score": 5.0, "scoreError": "NaN", "scoreUnit": "us/op"},
			      "·gc.alloc.rate": {"score": 300.0, "scoreError": 1.0, "scoreUnit": "MB/sec"},
			      "updating": {"score": 0.9, "scoreError": 0.01, "scoreUnit": "us/op",
			        "scorePercentiles": {"50.0": 0.85, "99.0": 3.2, "99.9": 12.0}}
			    }
			  }
			]
			""";

	@Test
	void sample_time_rows_give_percentiles_in_microseconds_and_throughput_rows_calls_a_second() {
		String markdown = EngineReport.render(JMH_JSON,
				new EngineReport.Conditions(2, "Some CPU", "0.42, 0.50, 0.61", "0.90, 0.60, 0.62"));

		assertThat(markdown)
			.contains("| national | search | sample time | 1 | 38.4 | 152 | 1,235 | 42.1 | – | ± 0.46 µs |")
			.contains("| wales | search | throughput | 1 | – | – | – | – | 25,100 | – |")
			.contains("- Machine: 2 cores (Some CPU), JDK 25.0.3 (OpenJDK 64-Bit Server VM 25.0.3+9-LTS)")
			.contains("0.42, 0.50, 0.61 at the start, 0.90, 0.60, 0.62 at the end")
			.contains("warm-up 3 × 5 s, measured 5 × 10 s, JVM options `-Xms1g -Xmx1g`")
			.doesNotContain("Busy machine");
	}

	@Test
	void a_group_is_shown_side_by_side_not_as_its_mixed_total() {
		String markdown = EngineReport.render(JMH_JSON,
				new EngineReport.Conditions(2, "Some CPU", "0.42, 0.50, 0.61", "0.90, 0.60, 0.62"));

		assertThat(markdown)
			.contains("| national | searchWhileUpdating · searching | sample time | 4 | 29.0 | 99.0 | 456 |")
			.contains("| national | searchWhileUpdating · updating | sample time | 4 | 0.85 | 3.20 | 12.0 |")
			.doesNotContain("| national | searchWhileUpdating | ")
			.doesNotContain("p0.50 |")
			.doesNotContain("gc.alloc");
	}

	@Test
	void rows_go_by_scale_then_benchmark_with_sample_time_before_throughput() {
		String markdown = EngineReport.render(JMH_JSON,
				new EngineReport.Conditions(2, "Some CPU", "0.42, 0.50, 0.61", "0.90, 0.60, 0.62"));

		assertThat(markdown.lines().filter((line) -> line.startsWith("| national") || line.startsWith("| wales")))
			.extracting((line) -> line.substring(0, line.indexOf(" | ", line.indexOf(" | ", 2) + 3)))
			.containsExactly("| national | search", "| national | searchWhileUpdating · searching",
					"| national | searchWhileUpdating · updating", "| wales | search");
	}

	@Test
	void a_run_started_on_a_busy_machine_says_so_first() {
		String markdown = EngineReport.render(JMH_JSON,
				new EngineReport.Conditions(2, "Some CPU", "4.15, 7.14, 7.03", "4.00, 6.00, 7.00"));

		assertThat(markdown.lines().skip(2).findFirst())
			.hasValueSatisfying((line) -> assertThat(line).startsWith("**Busy machine: not for comparison.**"));
	}

}
