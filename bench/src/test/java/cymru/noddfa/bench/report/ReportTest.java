package cymru.noddfa.bench.report;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReportTest {

	@Test
	void percentiles_come_from_the_recorded_microseconds() {
		Histogram micros = Latencies.histogram();
		for (int i = 1; i <= 1000; i++) {
			micros.recordValue(i * 10L);
		}
		Latencies latencies = Latencies.of("search (matcher)", micros, 2, 300, 4, "");
		assertThat(latencies.p50()).isCloseTo(5.0, within(0.01));
		assertThat(latencies.p95()).isCloseTo(9.5, within(0.01));
		assertThat(latencies.p99()).isCloseTo(9.9, within(0.01));
		assertThat(latencies.max()).isCloseTo(10.0, within(0.01));
		assertThat(latencies.achievedPerSecond()).isEqualTo(249.5);
		assertThat(latencies.errors()).isEqualTo(2);
		assertThat(latencies.successRate()).isEqualTo(0.998);
	}

	@Test
	void an_empty_histogram_reports_zeros_not_nonsense() {
		Latencies latencies = Latencies.of("alerts", Latencies.histogram(), 5, 10, 0, "");
		assertThat(latencies.p99()).isZero();
		assertThat(latencies.achievedPerSecond()).isZero();
	}

	@Test
	void the_report_judges_every_target_on_the_median_of_the_runs_and_states_every_gap() {
		String markdown = Report.render(heading(false), List.of(run()));
		assertThat(markdown).contains("| cores | 2 (test cpu) |")
			.contains("start 1.00, 1.00, 1.00; end 2.00, 1.50, 1.00")
			.contains("6 min 52 s")
			.contains(
					"| search at the matcher, 300/s open loop | p99 ≤ 10 ms, no errors | 12.0 (9.00–14.0) ms, 0 errors: **not met** |")
			.contains(
					"| search through the gateway, 300/s open loop | p99 ≤ 20 ms, no errors | 15.0 ms, 0 errors: **met** |")
			.contains(
					"| CPU per search through the gateway, summed over the stack's processes | ≤ 3 ms | 2.50 ms: **met** |")
			.contains("| peer ratio: peer p99 ÷ matcher p99 | ≥ 5× | 5.0× (like for like): **met** |")
			.contains("| last-bed races: 200 on 1 bed, 1 000 on 100 | exactly the beds | over-booked: **not met** |")
			.contains("the peer's p99 is **5.0×** the matcher's")
			.contains("| 200 at once | 1 | 2 | 198 | 0 | 2 | **no** | **no** |")
			.contains("england: search at the matcher p99 12.0 (9.00–14.0) ms against ≤ 10.0 ms")
			.contains("england: 200 holds on 1 bed(s) gave 2 holds")
			.contains("PostGIS: not run here")
			.contains("`Searching.search` 40 %")
			.doesNotContain("Quick, not for comparison");
	}

	@Test
	void the_engine_benchmark_table_is_appended_as_a_separate_run_when_there_is_one() {
		String engine = """
				# The search engine alone (JMH)

				- Load average (1, 5, 15 min): 0.20, 0.30, 0.40 at the start, 0.90, 0.50, 0.45 at the end

				| scale | benchmark | mode |
				|---|---|---|
				| national | search | sample time |
				""";

		String markdown = Report.withEngine(Report.render(heading(false), List.of(run())), engine);

		assertThat(markdown).contains("## The search engine alone (JMH, a separate run)")
			.contains("not measured in this run")
			.contains("| national | search | sample time |")
			.contains("0.20, 0.30, 0.40 at the start")
			.doesNotContain("# The search engine alone (JMH)\n");
	}

	@Test
	void a_quick_run_on_a_busy_machine_says_so_at_the_top() {
		String markdown = Report.render(heading(true), List.of(run()));
		assertThat(markdown).contains("**Quick, not for comparison**").contains("**Busy machine**");
	}

	@Test
	void the_report_gives_the_speed_check_at_the_start_and_the_end_of_the_run() {
		assertThat(Report.render(heading(false), List.of(run())))
			.contains("| speed check (" + SpeedCheck.WORK + "; lower is faster) | start 151 ms; end 164 ms |");
	}

	@Test
	void the_report_shows_each_process_cpu_and_the_success_rate() {
		String markdown = Report.render(heading(false), List.of(run()));
		assertThat(markdown)
			.contains("| workload | Kafka broker | PostgreSQL | gateway | **stack** | load generator (apart) |")
			.contains("| search (gateway) | 3000 | 1000 | 11000 | **15000** | 4000 |")
			.contains("| workload | PostgreSQL · database registry | PostgreSQL · walwriter |")
			.contains("| search (gateway) | 700 | 300 |")
			.contains("| vacancy update (gateway) | 200 | 190 | 12000 | 99.00 % | ");
	}

	private static Heading heading(boolean quickAndBusy) {
		return new Heading(Instant.parse("2026-11-23T22:00:00Z"),
				new Machine(2, "OpenJDK 25", "Linux", "test cpu", 4096, "1.00, 1.00, 1.00", 151.4), "2.00, 1.50, 1.00",
				163.6, Duration.ofSeconds(412), "bin/bench", List.of("seed: 1"), quickAndBusy, quickAndBusy,
				"not run here");
	}

	@Test
	void the_chart_is_a_png_of_the_agreed_size(@TempDir Path dir) throws Exception {
		Path png = dir.resolve("latency.png");
		Chart.write(List.of(run(), run()), png);
		byte[] bytes = Files.readAllBytes(png);
		assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
		var image = ImageIO.read(new ByteArrayInputStream(bytes));
		assertThat(image.getWidth()).isEqualTo(Chart.WIDTH);
		assertThat(image.getHeight()).isEqualTo(Chart.HEIGHT);
		assertThat(image.getRGB(Chart.WIDTH / 2, 5)).isEqualTo(0xFFFFFFFF);
	}

	private static ScaleRun run() {
		Latencies freshness = new Latencies(Report.FRESHNESS, 1200, 0, 50, 90, 120, 150, 50, 50, 60, "");
		Latencies updates = new Latencies(Report.UPDATES, 12000, 120, 10, 20, 40, 60, 200, 190, 60, "");
		Latencies gateway = new Latencies(Report.GATEWAY, 6000, 0, 6, 11, 15, 40, 300, 300, 20, "");
		Latencies peer = new Latencies(Report.HTTP_PEER, 6000, 0, 15, 40, 60, 90, 300, 290, 20, "");
		Latencies alerts = new Latencies(Report.ALERTS, 150, 0, 100, 200, 300, 400, 10, 10, 15, "");
		Latencies holds = new Latencies("holds: 200 at once on 1 bed(s)", 200, 0, 100, 200, 300, 400, 0, 100, 2, "");
		HoldRace race = new HoldRace(200, 1, 2, 198, 0, 2, holds);
		Profile.Summary profile = new Profile.Summary("the matcher", 100, Map.of("Searching.search", 40),
				Map.of("Searching.search", 40), Map.of("Redis client (Lettuce)", 60));
		CpuUse searchCpu = new CpuUse(linked("Kafka broker", 3000d, "PostgreSQL", 1000d, "gateway", 11000d),
				Map.of("load generator", 4000d),
				Map.of("PostgreSQL · database registry", 700d, "PostgreSQL · walwriter", 300d));
		List<Repeats> workloads = List.of(new Repeats(Report.UPDATES, List.of(updates), List.of(searchCpu)),
				new Repeats(Report.FRESHNESS, List.of(freshness), List.of()),
				new Repeats(Report.MATCHER, List.of(matcher(9), matcher(12), matcher(14)), List.of()),
				new Repeats(Report.HTTP_PEER, List.of(peer), List.of()),
				new Repeats(Report.GATEWAY, List.of(gateway), List.of(searchCpu)),
				new Repeats(Report.ALERTS, List.of(alerts), List.of()));
		return new ScaleRun("england", 5000, workloads, List.of(race), new double[] { 8, 8 }, List.of(profile),
				List.of("a note"));
	}

	private static Latencies matcher(double p99) {
		return new Latencies(Report.MATCHER, 6000, 0, 3, 8, p99, 30, 300, 300, 20, "");
	}

	private static Map<String, Double> linked(String a, double x, String b, double y, String c, double z) {
		Map<String, Double> map = new java.util.LinkedHashMap<>();
		map.put(a, x);
		map.put(b, y);
		map.put(c, z);
		return map;
	}

}
