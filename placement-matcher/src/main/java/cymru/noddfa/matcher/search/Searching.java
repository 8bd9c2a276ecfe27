package cymru.noddfa.matcher.search;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cymru.noddfa.matcher.availability.AvailableBeds;
import cymru.noddfa.matcher.availability.ReadModelUnavailable;
import lombok.RequiredArgsConstructor;

/**
 * The matcher's searches: a search's candidates from the {@link SearchEngine} once it is
 * ready (each engine knows what it needs of the read model), and how single provisions
 * fare, for a team that picks one and for the waiting list.
 */
@RequiredArgsConstructor
public class Searching {

	private final AvailableBeds beds;

	private final SearchEngine engine;

	private final SearchProperties properties;

	private final Clock clock;

	public Instant now() {
		return this.clock.instant();
	}

	public SearchResult search(SearchCriteria criteria) {
		if (!this.engine.isReady()) {
			throw new ReadModelUnavailable();
		}
		double radius = (criteria.maxKm() != null) ? Math.min(criteria.maxKm(), this.properties.radiusKm())
				: this.properties.radiusKm();
		return this.engine.search(criteria, radius, this.properties.maxCandidates(), this.clock.instant());
	}

	/** The engine answering searches, for the answer's {@code Noddfa-Search-Engine}. */
	public String engineName() {
		return this.engine.name();
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

}
