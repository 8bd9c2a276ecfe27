package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cymru.noddfa.matcher.availability.AvailabilityIndex;
import cymru.noddfa.matcher.availability.ProvisionState;

/**
 * One search over the in-process index: the child's region nearest first, then the other
 * regions, each until enough fit. The pool is what {@code Searching} over Redis examined:
 * open provisions with a bed of the type free, within the radius. Each provision is
 * judged by its bitmasks first; only those that pass go through {@link Matching#judge},
 * so explanations and exclusion counts are Matching's own.
 */
final class IndexSearch {

	private final SearchCriteria criteria;

	private final Instant now;

	private final Map<String, Integer> sharedFree;

	private final long wanted;

	private final int[] needBits;

	/** A need no provision has ever named: none can meet it. */
	private final boolean unknownNeed;

	private final List<Candidate> candidates = new ArrayList<>();

	private final Tally tally = new Tally();

	private IndexSearch(AvailabilityIndex index, SearchCriteria criteria, Instant now,
			Map<String, Integer> sharedFree) {
		this.criteria = criteria;
		this.now = now;
		this.sharedFree = sharedFree;
		this.wanted = index.mask(criteria.needs()) & Long.MAX_VALUE;
		this.needBits = criteria.needs().stream().mapToInt(index::bit).toArray();
		this.unknownNeed = java.util.Arrays.stream(this.needBits).anyMatch((bit) -> bit < 0);
	}

	/**
	 * @param sharedFree free beds after every instance's holds where already read; the
	 * index's own figure otherwise
	 */
	static SearchResult run(AvailabilityIndex index, SearchCriteria criteria, double radiusKm, int limit, int maxVisits,
			Instant now, Map<String, Integer> sharedFree) {
		IndexSearch search = new IndexSearch(index, criteria, now, sharedFree);
		index.nearestFirst(criteria.bedType(), criteria.lat(), criteria.lon(), radiusKm, criteria.regionCode(), true,
				maxVisits, (nearby) -> search.visit(nearby, limit));
		if (search.candidates.size() < limit) {
			index.nearestFirst(criteria.bedType(), criteria.lat(), criteria.lon(), radiusKm, criteria.regionCode(),
					false, maxVisits, (nearby) -> search.visit(nearby, limit));
		}
		search.candidates.sort(Matching.RANKING);
		return new SearchResult(List.copyOf(search.candidates), search.tally.exclusions(), now);
	}

	private boolean visit(AvailabilityIndex.Nearby nearby, int limit) {
		ProvisionState provision = nearby.state();
		int free = this.sharedFree.getOrDefault(provision.provisionId(), nearby.free());
		if (free <= 0) {
			// not in the pool: another instance's hold took the last bed
			return true;
		}
		Matching.Excluded quick = quickExclusion(nearby);
		if (quick != null) {
			this.tally.add(quick);
			return true;
		}
		switch (Matching.judge(this.criteria, provision, free, nearby.distanceKm(), this.now)) {
			case Matching.Fit fit -> this.candidates.add(fit.candidate());
			case Matching.Excluded excluded -> this.tally.add(excluded);
		}
		return this.candidates.size() < limit;
	}

	/**
	 * The same first failing rule as {@link Matching#judge}, from arrays and bitmasks.
	 */
	private Matching.Excluded quickExclusion(AvailabilityIndex.Nearby nearby) {
		ProvisionState provision = nearby.state();
		if (this.criteria.age() < provision.ageRange().min() || this.criteria.age() > provision.ageRange().max()) {
			return new Matching.Excluded(ExclusionReason.AGE, null);
		}
		if (!Matching.accepts(provision.accepts(), this.criteria.sex())) {
			return new Matching.Excluded(ExclusionReason.SEX, null);
		}
		if ((this.wanted & ~nearby.needsMet()) != 0 || this.unknownNeed) {
			for (int i = 0; i < this.needBits.length; i++) {
				int bit = this.needBits[i];
				if (bit < 0 || (nearby.needsMet() & (1L << bit)) == 0) {
					return new Matching.Excluded(ExclusionReason.NEED_NOT_MET, this.criteria.needs().get(i));
				}
			}
		}
		if ((this.wanted & nearby.exclusions()) != 0) {
			for (int i = 0; i < this.needBits.length; i++) {
				int bit = this.needBits[i];
				if (bit >= 0 && (nearby.exclusions() & (1L << bit)) != 0) {
					return new Matching.Excluded(ExclusionReason.EXCLUDED_NEED, this.criteria.needs().get(i));
				}
			}
		}
		return null;
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
