package cymru.noddfa.matcher.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import cymru.noddfa.bench.generate.Geography;
import cymru.noddfa.bench.generate.ProvisionGenerator;
import cymru.noddfa.bench.generate.Scale;
import cymru.noddfa.bench.generate.SearchMix;
import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.availability.ProvisionIndex;
import cymru.noddfa.matcher.availability.ProvisionState;

/**
 * One scale's generated provisions in a {@link ProvisionIndex}, as a matcher holds them
 * once it has read the provision-state topic, with the scale's search mix as the
 * matcher's criteria and the beds other instances hold. The same seed gives the same
 * provisions and searches as the whole-stack benchmark, so its figures and these describe
 * the same data.
 */
final class IndexedScale {

	/** As many searches as the whole-stack benchmark's mix. */
	static final int SEARCHES = 2_000;

	/** The matcher's defaults: candidates per answer, and the widest radius. */
	static final int LIMIT = 10;

	static final double MAX_RADIUS_KM = 800;

	/**
	 * Searches run at the mix's admission time, and the provisions were created a few
	 * minutes before it, so every vacancy counts as confirmed as in a fresh stack.
	 */
	static final Instant NOW = SearchMix.ADMISSION_AT;

	private static final Instant CREATED_AT = NOW.minus(Duration.ofMinutes(5));

	private final ProvisionIndex index = new ProvisionIndex();

	private final List<ProvisionState> states;

	private final List<SearchCriteria> searches;

	private final double[] radiusKm;

	private final HeldBeds heldBeds;

	private final VacancyChanges changes;

	private IndexedScale(List<ProvisionState> states, List<SearchCriteria> searches, long seed) {
		this.states = states;
		this.searches = searches;
		this.radiusKm = searches.stream()
			.mapToDouble((criteria) -> (criteria.maxKm() != null) ? Math.min(criteria.maxKm(), MAX_RADIUS_KM)
					: MAX_RADIUS_KM)
			.toArray();
		this.heldBeds = new HeldBeds(states, seed);
		this.changes = new VacancyChanges(states);
		states.forEach(this.index::put);
	}

	static IndexedScale load(Scale scale, long seed) {
		var provisions = new ProvisionGenerator(Geography.load(), seed).provisions(scale);
		List<ProvisionState> states = provisions.stream()
			.map((provision) -> CreatedProvisionState.of(provision, CREATED_AT))
			.toList();
		List<SearchCriteria> searches = SearchMix.searches(provisions, SEARCHES, seed)
			.stream()
			.map(IndexedScale::criteria)
			.toList();
		return new IndexedScale(states, searches, seed);
	}

	/** The {@code n}th search of the mix, cycling. */
	SearchResult search(int n) {
		int which = Math.floorMod(n, this.searches.size());
		return new IndexSearch(this.index, this.heldBeds, this.searches.get(which), this.radiusKm[which], LIMIT,
				IndexSearchEngine.MAX_VISITS, NOW)
			.run();
	}

	/** Applies the {@code n}th vacancy update and answers the state applied. */
	ProvisionState update(long n) {
		ProvisionState state = this.changes.next(n);
		this.index.put(state);
		return state;
	}

	int provisions() {
		return this.states.size();
	}

	int fullyHeld() {
		return this.heldBeds.fullyHeld();
	}

	/** As the matcher's search input makes them: the child's point on the coarse grid. */
	private static SearchCriteria criteria(SearchMix.SearchCriteria mix) {
		return new SearchCriteria(mix.regionCode(), LocationGrid.lat(mix.lat()), LocationGrid.lon(mix.lon()), mix.age(),
				Sex.valueOf(mix.sex()), mix.needs(), BedType.valueOf(mix.bedType()), mix.admissionAt(), mix.maxKm());
	}

}
