package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.List;

/**
 * A provision that fits the search, with what a crisis team needs to choose it and to
 * ring it: where it is (for the map) and the provider's on-call phone, null when the
 * provider gave none.
 */
public record Candidate(String provisionId, String name, String kind, String regionCode, boolean inRegion,
		double distanceKm, int bedsFree, boolean confirmed, Instant confirmedAt, List<Reason> reasons, Point location,
		String onCallPhone) {

}
