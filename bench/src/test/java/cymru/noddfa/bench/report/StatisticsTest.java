package cymru.noddfa.bench.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cymru.noddfa.bench.workload.OpenLoop;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatisticsTest {

	@Test
	void three_runs_give_the_middle_value_and_the_lowest_and_highest_as_spread() {
		Spread spread = Spread.of(List.of(14.0, 9.0, 12.0));
		assertThat(spread).isEqualTo(new Spread(9, 12, 14));
		assertThat(spread.toString()).isEqualTo("12.0 (9.00–14.0)");
	}

	@Test
	void an_even_number_of_runs_takes_the_mean_of_the_middle_two() {
		assertThat(Spread.of(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(new Spread(1, 2.5, 4));
	}

	@Test
	void one_run_has_no_spread_and_none_gives_zeros() {
		assertThat(Spread.of(List.of(7.0)).toString()).isEqualTo("7.00");
		assertThat(Spread.of(List.of())).isEqualTo(new Spread(0, 0, 0));
	}

	@Test
	void each_percentile_is_the_median_over_the_repeats_with_its_own_spread() {
		Repeats repeats = new Repeats("search (matcher)",
				List.of(run(2, 20, 1000, 10), run(3, 30, 1000, 0), run(1, 50, 1000, 5)), List.of());
		assertThat(repeats.p50()).isEqualTo(new Spread(1, 2, 3));
		assertThat(repeats.p99()).isEqualTo(new Spread(20, 30, 50));
		assertThat(repeats.errors()).isEqualTo(15);
		assertThat(repeats.calls()).isEqualTo(3000);
		assertThat(repeats.successRate()).isEqualTo(new Spread(0.99, 0.995, 1.0));
		assertThat(repeats.median().p99()).isEqualTo(30);
	}

	@Test
	void a_failed_call_counts_at_the_timeout_or_its_elapsed_time_whichever_is_larger() {
		Duration timeout = Duration.ofSeconds(5);
		assertThat(Latencies.failedMicros(2_000_000L, timeout)).isEqualTo(5_000_000L);
		assertThat(Latencies.failedMicros(7_000_000_000L, timeout)).isEqualTo(7_000_000L);
		assertThat(Latencies.failedMicros(Long.MAX_VALUE / 2, timeout)).isEqualTo(Latencies.MAX_MICROS);
	}

	@Test
	void errors_are_part_of_the_percentiles_of_an_open_loop() {
		Latencies latencies = OpenLoop.run("flaky", 2_000, Duration.ofMillis(100), Duration.ofSeconds(2),
				(i) -> i % 10 != 0, "");
		assertThat(latencies.count()).isEqualTo(200);
		assertThat(latencies.errors()).isEqualTo(20);
		assertThat(latencies.successRate()).isEqualTo(0.9);
		// one call in ten failed: the 95th percentile is a failure, charged the timeout
		assertThat(latencies.p95()).isGreaterThanOrEqualTo(2_000);
		assertThat(latencies.p50()).isLessThan(1_000);
	}

	@Test
	void cpu_is_user_system_and_reaped_children_time_from_a_proc_stat_line() {
		// the command name may hold spaces and brackets; fields 14 to 17 follow the last
		String line = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 350 120 7 3 20 0 40 0 1234 "
				+ "5000000 3000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0";
		assertThat(ProcessCpu.ticks(line)).isEqualTo(350 + 120 + 7 + 3);
	}

	@Test
	void the_machines_idle_and_stolen_time_come_from_the_first_proc_stat_line() {
		// user nice system idle iowait irq softirq steal guest guest_nice
		String line = "cpu  7844379 17582 1129200 3865875 35198 0 143816 310034 0 0";
		assertThat(ProcessCpu.machineTicks(line)).containsExactly(3865875 + 35198, 310034);
	}

	@Test
	void cpu_used_between_two_samples_is_charged_per_process_and_per_answer() {
		ProcessCpu cpu = new ProcessCpu(
				List.of(new ProcessCpu.Watched("this JVM", ProcessHandle.current().pid(), true, true),
						new ProcessCpu.Watched("nobody", -1, false, false)));
		ProcessCpu.Sample before = cpu.sample();
		long spin = System.nanoTime() + 300_000_000L;
		double sink = 0;
		while (System.nanoTime() < spin) {
			sink += Math.sqrt(sink + 1);
		}
		CpuUse used = cpu.between(before, cpu.sample());
		assertThat(sink).isPositive();
		// on a busy machine the spinning thread gets less than the wall time, never none
		assertThat(used.stack().get("this JVM")).isPositive();
		assertThat(used.apart()).containsEntry("nobody", 0d)
			.containsKeys(ProcessCpu.IDLE, ProcessCpu.STOLEN)
			.doesNotContainKey("this JVM");
		assertThat(used.perRequest(10)).isCloseTo(used.stackMillis() / 10, within(0.001));
		assertThat(used.perRequest(0)).isZero();
	}

	@Test
	void a_postgresql_process_is_told_by_its_title() {
		assertThat(ProcessCpu.partOf("postgres: noddfa registry 127.0.0.1(40312) idle")).isEqualTo("database registry");
		assertThat(ProcessCpu.partOf("postgres: noddfa matcher [local] SELECT")).isEqualTo("database matcher");
		assertThat(ProcessCpu.partOf("postgres: noddfa panels ::1(5432) idle in transaction"))
			.isEqualTo("database panels");
		assertThat(ProcessCpu.partOf("postgres: autovacuum worker registry")).isEqualTo("autovacuum workers");
		assertThat(ProcessCpu.partOf("postgres: walwriter   \0\0")).isEqualTo("walwriter");
		assertThat(ProcessCpu.partOf("postgres: autovacuum launcher")).isEqualTo("autovacuum launcher");
		assertThat(ProcessCpu.partOf("postgres: logical replication launcher"))
			.isEqualTo("logical replication launcher");
		assertThat(ProcessCpu.partOf("")).isEqualTo("unnamed");
	}

	@Test
	void a_tree_is_told_in_parts_that_add_up_to_its_whole() throws Exception {
		ProcessCpu cpu = watchingThisJvm();
		Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
		try {
			ProcessCpu.Sample before = cpu.sample();
			Thread.sleep(400);
			CpuUse used = cpu.between(before, cpu.sample());

			assertThat(used.parts()).containsKey("this JVM · " + ProcessCpu.ROOT_PART);
			assertThat(used.parts().get("this JVM · sh -c while :; do :; done")).isPositive();
			assertPartsAddUpToTheWhole(used);
		}
		finally {
			busy.destroyForcibly().waitFor();
		}
	}

	@Test
	void a_process_that_ends_in_the_window_is_charged_to_the_root_for_its_time_in_the_window_only() throws Exception {
		ProcessCpu cpu = watchingThisJvm();
		Process brief = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done").start();
		try {
			// it has used time before the window opens
			Thread.sleep(300);
			ProcessCpu.Sample before = cpu.sample();
			assertThat(brief.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			CpuUse used = cpu.between(before, cpu.sample());

			assertPartsAddUpToTheWhole(used);
			assertThat(used.parts().keySet()).noneMatch((part) -> part.contains("400000"));
		}
		finally {
			brief.destroyForcibly().waitFor();
		}
	}

	private static ProcessCpu watchingThisJvm() {
		return new ProcessCpu(List.of(new ProcessCpu.Watched("this JVM", ProcessHandle.current().pid(), true, true)));
	}

	private static void assertPartsAddUpToTheWhole(CpuUse used) {
		double sum = used.parts().values().stream().mapToDouble(Double::doubleValue).sum();
		assertThat(sum).isCloseTo(used.stack().get("this JVM"), within(0.001));
	}

	private static Latencies run(double p50, double p99, long count, long errors) {
		return new Latencies("search (matcher)", count, errors, p50, p50 * 2, p99, p99 * 2, 300, (count - errors) / 60d,
				60, "");
	}

}
