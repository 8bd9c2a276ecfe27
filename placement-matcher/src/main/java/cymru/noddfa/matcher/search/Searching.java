package cymru.noddfa.matcher.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cymru.noddfa.matcher.availability.AvailableBeds;
import cymru.noddfa.matcher.availability.ReadModelUnavailable;
import lombok.RequiredArgsConstructor;

/**
 * Finds candidates nearest first: the small per-region index of the child's region, then
 * the bed type's index for the rest of the country, each asked for a few members and
 * widened only while the filters leave too few.
 */
@RequiredArgsConstructor
public class Searching {

	private final AvailableBeds beds;

	private final SearchProperties properties;

	private final Clock clock;

	public Instant now() {
		return this.clock.instant();
	}

	public SearchResult search(SearchCriteria criteria) {
		if (!this.beds.isReady()) {
			throw new ReadModelUnavailable();
		}
		Instant now = this.clock.instant();
		double radius = (criteria.maxKm() != null) ? Math.min(criteria.maxKm(), this.properties.radiusKm())
				: this.properties.radiusKm();
		Tally tally = new Tally();
		List<Candidate> candidates = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		scan(criteria, criteria.regionCode(), radius, now, this.properties.maxCandidates(), seen, candidates, tally);
		if (candidates.size() < this.properties.maxCandidates()) {
			scan(criteria, null, radius, now, this.properties.maxCandidates() - candidates.size(), seen, candidates,
					tally);
		}
		candidates.sort(Matching.RANKING);
		return new SearchResult(List.copyOf(candidates), tally.exclusions(), now,
				new Point(criteria.lat(), criteria.lon()));
	}

	/**
	 * How one provision fares against the criteria, whatever its distance: for a team
	 * that picks a provision itself, and for re-checking waiting referrals.
	 */
	public Optional<Matching.Verdict> judge(SearchCriteria criteria, String provisionId) {
		if (!this.beds.isReady()) {
			throw new ReadModelUnavailable();
		}
		return this.beds.load(List.of(provisionId), criteria.bedType()).get(0).map((stored) -> {
			double km = Matching.distanceKm(criteria.lat(), criteria.lon(), stored.state().location().lat(),
					stored.state().location().lon());
			return Matching.judge(criteria, stored.state(), stored.free(), km, this.clock.instant());
		});
	}

	/**
	 * How one provision fares against many criteria at once, reading it from the read
	 * model once per bed type: the waiting list re-check after a vacancy change.
	 */
	public List<Optional<Matching.Verdict>> judgeAll(List<SearchCriteria> criteria, String provisionId) {
		if (!this.beds.isReady()) {
			throw new ReadModelUnavailable();
		}
		Instant now = this.clock.instant();
		Map<cymru.noddfa.matcher.availability.BedType, Optional<AvailableBeds.Stored>> loaded = new EnumMap<>(
				cymru.noddfa.matcher.availability.BedType.class);
		List<Optional<Matching.Verdict>> verdicts = new ArrayList<>(criteria.size());
		for (SearchCriteria c : criteria) {
			Optional<AvailableBeds.Stored> stored = loaded.computeIfAbsent(c.bedType(),
					(bedType) -> this.beds.load(List.of(provisionId), bedType).get(0));
			verdicts.add(stored.map((s) -> Matching.judge(c, s.state(), s.free(),
					Matching.distanceKm(c.lat(), c.lon(), s.state().location().lat(), s.state().location().lon()),
					now)));
		}
		return verdicts;
	}

	/**
	 * Nearest first, asking Redis for little ({@link Widening}), until enough candidates
	 * are found, the search radius is covered or the queries one search may make are
	 * spent. Redis examines every member inside the radius, so a small first radius keeps
	 * each query cheap where provisions are dense.
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

	/** Excluded provisions counted by reason (and by need for need reasons). */
	static final class Tally {

		private final Map<ExclusionReason, Map<String, Integer>> counts = new EnumMap<>(ExclusionReason.class);

		void add(Matching.Excluded excluded) {
			this.counts.computeIfAbsent(excluded.reason(), (r) -> new LinkedHashMap<>())
				.merge(String.valueOf(excluded.need()), 1, Integer::sum);
		}

		List<Exclusion> exclusions() {
			List<Exclusion> exclusions = new ArrayList<>();
			this.counts.forEach((reason, byNeed) -> byNeed.forEach(
					(need, count) -> exclusions.add(new Exclusion(reason, "null".equals(need) ? null : need, count))));
			return List.copyOf(exclusions);
		}

	}

}
