package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cymru.noddfa.matcher.availability.AvailableBeds;
import lombok.RequiredArgsConstructor;

/**
 * Searches Redis's GEO indexes: the small per-region index of the child's region, then
 * the bed type's index for the rest of the country, each asked for a few members and
 * widened only while the filters leave too few ({@link Widening}).
 */
@RequiredArgsConstructor
class GeoSearchEngine implements SearchEngine {

	static final String NAME = "redis";

	private final AvailableBeds beds;

	private final SearchProperties properties;

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * A Redis call per search: the GEO indexes are gone while the read model is rebuilt.
	 */
	@Override
	public boolean isReady() {
		return this.beds.isReady();
	}

	@Override
	public SearchResult search(SearchCriteria criteria, double radiusKm, int limit, Instant now) {
		Tally tally = new Tally();
		List<Candidate> candidates = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		scan(criteria, criteria.regionCode(), radiusKm, now, limit, seen, candidates, tally);
		if (candidates.size() < limit) {
			scan(criteria, null, radiusKm, now, limit - candidates.size(), seen, candidates, tally);
		}
		candidates.sort(Matching.RANKING);
		return new SearchResult(List.copyOf(candidates), tally.exclusions(), now,
				new Point(criteria.lat(), criteria.lon()));
	}

	/**
	 * Nearest first, asking Redis for little, until enough candidates are found, the
	 * search radius is covered or the queries one search may make are spent. Redis
	 * examines every member inside the radius, so a small first radius keeps each query
	 * cheap where provisions are dense.
	 */
	private void scan(SearchCriteria criteria, String region, double radius, Instant now, int wanted, Set<String> seen,
			List<Candidate> candidates, Tally tally) {
		Widening widening = new Widening(this.properties, radius);
		int found = 0;
		boolean full;
		do {
			List<AvailableBeds.Nearby> hits = this.beds.nearest(criteria.bedType(), region, criteria.lat(),
					criteria.lon(), widening.reach(), widening.count());
			List<AvailableBeds.Nearby> fresh = new ArrayList<>();
			for (AvailableBeds.Nearby hit : hits) {
				if (seen.add(hit.provisionId())) {
					fresh.add(hit);
				}
			}
			List<Optional<AvailableBeds.Stored>> loaded = this.beds
				.load(fresh.stream().map(AvailableBeds.Nearby::provisionId).toList(), criteria.bedType());
			for (int i = 0; i < fresh.size() && found < wanted; i++) {
				if (loaded.get(i).isEmpty()) {
					continue;
				}
				AvailableBeds.Stored stored = loaded.get(i).get();
				switch (Matching.judge(criteria, stored.state(), stored.free(), fresh.get(i).distanceKm(), now)) {
					case Matching.Fit fit -> {
						candidates.add(fit.candidate());
						found++;
					}
					case Matching.Excluded excluded -> tally.add(excluded);
				}
			}
			if (found >= wanted) {
				return;
			}
			full = hits.size() == widening.count();
		}
		while (widening.widen(full));
	}

}
