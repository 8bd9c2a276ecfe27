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
		assertThat(latencies.achievedPerSecond()).isEqualTo(250);
		assertThat(latencies.errors()).isEqualTo(2);
	}

	@Test
	void an_empty_histogram_reports_zeros_not_nonsense() {
		Latencies latencies = Latencies.of("alerts", Latencies.histogram(), 5, 10, 0, "");
		assertThat(latencies.p99()).isZero();
		assertThat(latencies.achievedPerSecond()).isZero();
	}

	@Test
	void the_report_states_the_peer_ratio_the_races_and_every_gap() {
		String markdown = Report.render(Instant.parse("2026-11-23T22:00:00Z"),
				new Machine(2, "OpenJDK 25", "Linux", "test cpu", 4096, "1.00, 1.00, 1.00"), "2.00, 1.50, 1.00",
				Duration.ofSeconds(412), "bin/bench", List.of("seed: 1"), false, List.of(run()));
		assertThat(markdown).contains("| cores | 2 (test cpu) |")
			.contains("start 1.00, 1.00, 1.00; end 2.00, 1.50, 1.00")
			.contains("6 min 52 s")
			.contains("| england (5000) | 120 ms ✓ | 12.0 ms ✗ | 15.0 ms ✓ | **over-booked** ✗ | 300 ms ✓ | 5.0× |")
			.contains("the peer's p99 is **5.0×** the matcher's")
			.contains("| 200 at once | 1 | 2 | 198 | 0 | 2 | **no** | **no** |")
			.contains("england: search at the matcher p99 12.0 ms against ≤ 10.0 ms")
			.contains("england: 200 holds on 1 bed(s) gave 2 holds")
			.contains("PostGIS: not available")
			.contains("`Searching.search` 40 %");
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
		Latencies freshness = new Latencies("freshness (update 2xx → search shows it)", 100, 0, 50, 90, 120, 150, 50,
				50, 20, "");
		Latencies matcher = new Latencies("search (matcher)", 6000, 0, 3, 8, 12, 30, 300, 300, 20, "");
		Latencies gateway = new Latencies("search (gateway)", 6000, 0, 6, 11, 15, 40, 300, 300, 20, "");
		Latencies peer = new Latencies("search (peer: one PostgreSQL query)", 6000, 0, 15, 40, 60, 90, 300, 290, 20,
				"");
		Latencies alerts = new Latencies("alerts (referral → webhook delivered)", 150, 0, 100, 200, 300, 400, 10, 10,
				15, "");
		Latencies holds = new Latencies("holds: 200 at once on 1 bed(s)", 200, 0, 100, 200, 300, 400, 0, 100, 2, "");
		HoldRace race = new HoldRace(200, 1, 2, 198, 0, 2, holds);
		Profile.Summary profile = new Profile.Summary("the matcher", 100, Map.of("Searching.search", 40),
				Map.of("Searching.search", 40), Map.of("Redis client (Lettuce)", 60));
		return new ScaleRun("england", 5000, List.of(freshness, matcher, gateway, peer, holds, alerts), List.of(race),
				new double[] { 8, 8 }, List.of(profile), List.of("a note"));
	}

}
