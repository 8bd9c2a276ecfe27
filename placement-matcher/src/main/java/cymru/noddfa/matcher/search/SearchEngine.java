package cymru.noddfa.matcher.search;

import java.time.Instant;

/**
 * Finds the candidates of one search: the child's region nearest first, then the rest of
 * the country, with the exclusions it met on the way. One engine answers a matcher's
 * searches, chosen by {@code noddfa.matcher.search.engine}; {@link Searching} checks the
 * input and the read model's readiness before it asks.
 */
public interface SearchEngine {

	/** What answers name in their {@code Noddfa-Search-Engine} header. */
	String name();

	/** False while the engine cannot answer yet, for instance before its first build. */
	default boolean isReady() {
		return true;
	}

	/**
	 * @param radiusKm the farthest a candidate may be: the team's maximum distance, never
	 * more than the configured search radius
	 * @param limit most candidates to find
	 * @param now the time the search runs
	 */
	SearchResult search(SearchCriteria criteria, double radiusKm, int limit, Instant now);

}
