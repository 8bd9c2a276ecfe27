package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.List;

/**
 * @param searchedFrom the point distances are measured from: the child's, already on the
 * coarse {@link LocationGrid}
 */
public record SearchResult(List<Candidate> candidates, List<Exclusion> excluded, Instant searchedAt,
		Point searchedFrom) {

	public boolean hasInRegionCandidate() {
		return this.candidates.stream().anyMatch(Candidate::inRegion);
	}

	public List<Candidate> outOfRegion() {
		return this.candidates.stream().filter((c) -> !c.inRegion()).toList();
	}

}
