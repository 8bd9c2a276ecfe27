package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.List;

public record Candidate(String provisionId, String name, String kind, String regionCode, boolean inRegion,
		double distanceKm, int bedsFree, boolean confirmed, Instant confirmedAt, List<Reason> reasons) {

}
