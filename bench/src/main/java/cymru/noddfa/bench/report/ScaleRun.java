package cymru.noddfa.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything measured at one scale, on a stack started afresh for it.
 *
 * @param provisions provisions the stack held during the run
 * @param workloads every workload's repeated figures, in the order run
 * @param races the last-bed races
 * @param meanCandidates candidates per search, matcher and peer, to show both find beds
 * @param profiles CPU samples from the separate profiling run, when there was one
 * @param notes anything else worth saying about this scale
 */
public record ScaleRun(String scale, int provisions, List<Repeats> workloads, List<HoldRace> races,
		double[] meanCandidates, List<Profile.Summary> profiles, List<String> notes) {

	/** The medians of every workload, then the races. */
	public List<Latencies> latencies() {
		List<Latencies> all = new ArrayList<>(this.workloads.stream().map(Repeats::median).toList());
		this.races.forEach((race) -> all.add(race.latencies()));
		return all;
	}

	/** The medians of the first workload whose name starts so, or null. */
	public Latencies find(String workloadPrefix) {
		return this.latencies()
			.stream()
			.filter((l) -> l.workload().startsWith(workloadPrefix))
			.findFirst()
			.orElse(null);
	}

	/** The first workload whose name starts so, or null. */
	public Repeats repeats(String workloadPrefix) {
		return this.workloads.stream().filter((w) -> w.workload().startsWith(workloadPrefix)).findFirst().orElse(null);
	}

}
