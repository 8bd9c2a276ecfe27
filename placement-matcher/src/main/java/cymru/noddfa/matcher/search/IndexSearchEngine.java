package cymru.noddfa.matcher.search;

import java.time.Instant;

import cymru.noddfa.matcher.availability.AvailableBeds;
import cymru.noddfa.matcher.availability.ProvisionIndex;
import lombok.RequiredArgsConstructor;

/**
 * Searches the in-process {@link ProvisionIndex}, reading from Redis only what every
 * instance has held and placed of the few provisions it would offer
 * ({@link IndexSearch}).
 */
@RequiredArgsConstructor
class IndexSearchEngine implements SearchEngine {

	static final String NAME = "index";

	/**
	 * Most pool members one pass of one search looks at, however rare the child's needs:
	 * a bound on the work a single search can cause, as the GEO engine's widest query is.
	 */
	static final int MAX_VISITS = 10_000;

	private final ProvisionIndex index;

	private final AvailableBeds beds;

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * Once built; whether Redis is ready is asked in the same round trip as the would-be
	 * candidates' free beds ({@link AvailableBeds#free}), not by a call of its own: a
	 * search that finds no would-be candidate needs nothing of Redis.
	 */
	@Override
	public boolean isReady() {
		return this.index.isBuilt();
	}

	@Override
	public SearchResult search(SearchCriteria criteria, double radiusKm, int limit, Instant now) {
		return new IndexSearch(this.index, this.beds::free, criteria, radiusKm, limit, MAX_VISITS, now).run();
	}

}
