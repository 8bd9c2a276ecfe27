package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.List;

public record SearchResult(List<Candidate> candidates, List<Exclusion> excluded, Instant searchedAt) {

	public boolean hasInRegionCandidate() {
		return this.candidates.stream().anyMatch(Candidate::inRegion);
	}

	public List<Candidate> outOfRegion() {
		return this.candidates.stream().filter((c) -> !c.inRegion()).toList();
	}

}
