package cymru.noddfa.matcher.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cymru.noddfa.matcher.availability.AvailabilityIndex;
import cymru.noddfa.matcher.availability.AvailabilityStore;
import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.availability.ReadModelUnavailable;

/**
 * Finds candidates in the in-process index ({@link IndexSearch}), then reads the free
 * beds of the few winners as every instance has held and placed them, in one pipelined
 * call; a winner whose last bed another instance took makes room for the next. Only an
 * index not yet built, or a Redis that says its mirror is empty, answers 503: a Redis
 * that does not answer leaves the index's own figures in charge (PostgreSQL decides
 * holds).
 */
public class Searching {

	/** Reading the winners again after another instance's holds changed them. */
	private static final int ROUNDS = 3;

	private final AvailabilityStore store;

	private final SearchProperties properties;

	private final Clock clock;

	public Searching(AvailabilityStore store, SearchProperties properties, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
	}

	public Instant now() {
		return this.clock.instant();
	}

	public SearchResult search(SearchCriteria criteria) {
		AvailabilityIndex index = built();
		Instant now = this.clock.instant();
		double radius = (criteria.maxKm() != null) ? criteria.maxKm() : this.properties.radiusKm();
		Map<String, Integer> shared = new HashMap<>();
		SearchResult result = null;
		for (int round = 0; round < ROUNDS; round++) {
			result = IndexSearch.run(index, criteria, radius, this.properties.maxCandidates(),
					this.properties.maxCount(), now, shared);
			List<String> unread = result.candidates()
				.stream()
				.map(Candidate::provisionId)
				.filter((id) -> !shared.containsKey(id))
				.toList();
			Optional<Map<String, Integer>> read = read(unread, criteria.bedType());
			if (unread.isEmpty() || read.isEmpty()) {
				return result;
			}
			boolean same = true;
			for (Candidate candidate : result.candidates()) {
				Integer free = read.get().get(candidate.provisionId());
				if (free != null) {
					shared.put(candidate.provisionId(), free);
					same &= (free == candidate.bedsFree());
				}
			}
			if (same) {
				return result;
			}
		}
		return result;
	}

	/**
	 * How one provision fares against the criteria, whatever its distance: for a team
	 * that picks a provision itself, and for re-checking waiting referrals.
	 */
	public Optional<Matching.Verdict> judge(SearchCriteria criteria, String provisionId) {
		return judgeAll(List.of(criteria), provisionId).get(0);
	}

	/**
	 * How one provision fares against many criteria at once, reading its shared figures
	 * once per bed type: the waiting list re-check after a vacancy change.
	 */
	public List<Optional<Matching.Verdict>> judgeAll(List<SearchCriteria> criteria, String provisionId) {
		AvailabilityIndex index = built();
		Instant now = this.clock.instant();
		Map<BedType, Optional<Integer>> shared = new EnumMap<>(BedType.class);
		List<Optional<Matching.Verdict>> verdicts = new ArrayList<>(criteria.size());
		for (SearchCriteria c : criteria) {
			Optional<AvailabilityIndex.Nearby> found = index.find(provisionId, c.bedType(), c.lat(), c.lon());
			Optional<Integer> free = shared.computeIfAbsent(c.bedType(),
					(bedType) -> read(List.of(provisionId), bedType).map((m) -> m.get(provisionId)));
			verdicts.add(found.map((n) -> Matching.judge(c, n.state(), free.orElse(n.free()), n.distanceKm(), now)));
		}
		return verdicts;
	}

	private AvailabilityIndex built() {
		if (!this.store.index().isBuilt()) {
			throw new ReadModelUnavailable();
		}
		return this.store.index();
	}

	/**
	 * Empty when Redis does not answer; a 503 when it answers that its mirror is empty.
	 */
	private Optional<Map<String, Integer>> read(List<String> provisionIds, BedType bedType) {
		if (provisionIds.isEmpty()) {
			return Optional.of(Map.of());
		}
		AvailabilityStore.SharedFree read;
		try {
			read = this.store.sharedFree(provisionIds, bedType);
		}
		catch (ReadModelUnavailable ex) {
			return Optional.empty();
		}
		if (!read.ready()) {
			// holds of other instances are not known until the mirror is rebuilt
			throw new ReadModelUnavailable();
		}
		return Optional.of(read.free());
	}

}
