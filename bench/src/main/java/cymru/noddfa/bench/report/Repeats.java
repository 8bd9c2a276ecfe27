package cymru.noddfa.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One workload measured once in each of a scale's repeated runs, with the CPU its window
 * cost.
 *
 * @param runs the figures of each run, in the order run
 * @param cpu each run's CPU use, in the same order; empty when not measured
 */
public record Repeats(String workload, List<Latencies> runs, List<CpuUse> cpu) {

	public Repeats {
		runs = List.copyOf(runs);
		cpu = List.copyOf(cpu);
	}

	public Spread p50() {
		return spread(Latencies::p50);
	}

	public Spread p95() {
		return spread(Latencies::p95);
	}

	public Spread p99() {
		return spread(Latencies::p99);
	}

	public Spread max() {
		return spread(Latencies::max);
	}

	public Spread achievedPerSecond() {
		return spread(Latencies::achievedPerSecond);
	}

	public Spread successRate() {
		return spread(Latencies::successRate);
	}

	public long calls() {
		return this.runs.stream().mapToLong(Latencies::count).sum();
	}

	public long errors() {
		return this.runs.stream().mapToLong(Latencies::errors).sum();
	}

	/** The fewest calls any run recorded (traces, for freshness). */
	public long fewestCalls() {
		return this.runs.stream().mapToLong(Latencies::count).min().orElse(0);
	}

	/** Stack CPU per successful answer, in milliseconds, over the runs. */
	public Spread cpuPerRequest() {
		List<Double> values = new ArrayList<>();
		for (int i = 0; i < Math.min(this.runs.size(), this.cpu.size()); i++) {
			Latencies run = this.runs.get(i);
			values.add(this.cpu.get(i).perRequest(run.count() - run.errors()));
		}
		return Spread.of(values);
	}

	/** Each process's CPU milliseconds over the runs. */
	public Spread cpuOf(String process) {
		return Spread.of(this.cpu.stream()
			.map((use) -> use.stack().getOrDefault(process, use.apart().getOrDefault(process, 0d)))
			.toList());
	}

	/** One part of a process counted with its descendants; 0 in a run without it. */
	public Spread cpuOfPart(String part) {
		return Spread.of(this.cpu.stream().map((use) -> use.parts().getOrDefault(part, 0d)).toList());
	}

	public Spread stackCpu() {
		return Spread.of(this.cpu.stream().map(CpuUse::stackMillis).toList());
	}

	/** The medians as one set of figures, for the chart. */
	public Latencies median() {
		Latencies first = this.runs.get(0);
		return new Latencies(this.workload, (long) spread(Latencies::count).median(),
				(long) spread(Latencies::errors).median(), p50().median(), p95().median(), p99().median(),
				max().median(), first.targetPerSecond(), achievedPerSecond().median(),
				spread(Latencies::seconds).median(), first.note());
	}

	private Spread spread(ToDoubleFunction<Latencies> figure) {
		return Spread.of(this.runs.stream().map((run) -> figure.applyAsDouble(run)).toList());
	}

}
