package cymru.noddfa.bench.report;

import java.util.List;

/**
 * Everything measured at one scale.
 *
 * @param provisions provisions the stack held during the run
 * @param latencies every workload's figures, in the order run
 * @param races the last-bed races
 * @param meanCandidates candidates per search, matcher and peer, to show both find beds
 * @param profiles CPU samples of the matcher and gateway during the search workload
 * @param notes anything else worth saying about this scale
 */
public record ScaleRun(String scale, int provisions, List<Latencies> latencies, List<HoldRace> races,
		double[] meanCandidates, List<Profile.Summary> profiles, List<String> notes) {

	public Latencies find(String workloadPrefix) {
		return this.latencies.stream().filter((l) -> l.workload().startsWith(workloadPrefix)).findFirst().orElse(null);
	}

}
