package cymru.noddfa.matcher.search;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.availability.ProvisionIndex;
import cymru.noddfa.matcher.availability.ProvisionState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index gives what the straightforward search gives, on random provisions and
 * searches: the same candidates, reasons and exclusion counts.
 */
class IndexSearchMatchesReferenceTest {

	private static final List<String> REGIONS = List.of("CTM", "GWE", "CAV", "BCU");

	private static final List<String> NEEDS = List.of("MH_CRISIS", "SELF_HARM", "LEARNING_DISABILITY", "AUTISM",
			"SUBSTANCE_MISUSE", "EATING_DISORDER", "EXPLOITATION_RISK", "WHEELCHAIR");

	private static final Instant NOW = Instant.parse("2026-01-14T15:00:00Z");

	private static final int LIMIT = 10;

	@Test
	void the_index_lists_the_same_candidates_reasons_and_exclusion_counts_as_the_reference() {
		Random random = new Random(20260423);
		int compared = 0;
		for (int round = 0; round < 30; round++) {
			ProvisionIndex index = new ProvisionIndex();
			Map<String, ProvisionState> states = new HashMap<>();
			for (int i = 0; i < 150 + random.nextInt(250); i++) {
				ProvisionState state = provision(random, "p-" + round + "-" + i, 1);
				states.put(state.provisionId(), state);
				index.put(state);
			}
			for (ProvisionState state : List.copyOf(states.values())) {
				double roll = random.nextDouble();
				if (roll < 0.05) {
					states.remove(state.provisionId());
					index.remove(state.provisionId());
				}
				else if (roll < 0.15) {
					ProvisionState changed = provision(random, state.provisionId(), state.version() + 1);
					states.put(changed.provisionId(), changed);
					index.put(changed);
				}
				else if (roll < 0.2) {
					// an older version arriving late changes nothing
					index.put(provision(random, state.provisionId(), state.version() - 1));
				}
			}
			SharedFigures shared = new SharedFigures(random, states);
			for (int s = 0; s < 20; s++) {
				SearchCriteria criteria = criteria(random);
				if (random.nextInt(8) == 0 && !states.isEmpty()) {
					criteria = reachingExactly(criteria,
							List.copyOf(states.values()).get(random.nextInt(states.size())));
				}
				double radius = (criteria.maxKm() != null) ? criteria.maxKm() : 800;
				SearchResult expected = reference(states, shared, criteria, radius);
				SearchResult actual = new IndexSearch(index, shared::free, criteria, radius, LIMIT, 10_000, NOW).run();
				assertThat(actual.candidates()).as("candidates of %s", criteria).isEqualTo(expected.candidates());
				assertThat(actual.excluded()).as("exclusions of %s", criteria).isEqualTo(expected.excluded());
				compared++;
			}
		}
		assertThat(compared).isEqualTo(600);
	}

	@Test
	void a_search_that_meets_many_fully_held_beds_walks_on_until_it_has_enough() {
		ProvisionIndex index = new ProvisionIndex();
		for (int i = 0; i < 200; i++) {
			ProvisionState state = new ProvisionState("held-" + i, 1, "provider-1", "Unit " + i, "CRISIS_UNIT", "CTM",
					new ProvisionState.Location(51.5 + i * 0.001, -3.5), new ProvisionState.AgeRange(8, 18), "ANY",
					List.of(), List.of(), new ProvisionState.Admissions(true, List.of()), "OPEN", null,
					List.of(new ProvisionState.Vacancy("CRISIS", 2, 2, NOW, NOW)), null);
			index.put(state);
		}
		// all but every twentieth provision's beds are held by some instance
		IndexSearch.FreeBeds free = (ids, bedType) -> ids.stream()
			.mapToInt((id) -> Integer.parseInt(id.substring(5)) % 20 == 0 ? 2 : 0)
			.toArray();
		SearchCriteria criteria = new SearchCriteria("CTM", 51.5, -3.5, 14, Sex.FEMALE, List.of(), BedType.CRISIS, NOW,
				null);
		SearchResult result = new IndexSearch(index, free, criteria, 800, LIMIT, 10_000, NOW).run();
		assertThat(result.candidates()).extracting(Candidate::provisionId)
			.containsExactly("held-0", "held-20", "held-40", "held-60", "held-80", "held-100", "held-120", "held-140",
					"held-160", "held-180");
		assertThat(result.excluded()).isEmpty();
	}

	/**
	 * What every instance has held and placed, as Redis would answer it: some provisions
	 * with some beds held, a few not in Redis yet.
	 */
	private static final class SharedFigures {

		private final Map<String, Integer> held = new HashMap<>();

		private final Map<String, ProvisionState> states;

		private final java.util.Set<String> unknown = new java.util.HashSet<>();

		SharedFigures(Random random, Map<String, ProvisionState> states) {
			this.states = states;
			for (ProvisionState state : states.values()) {
				if (random.nextInt(40) == 0) {
					this.unknown.add(state.provisionId());
				}
				for (ProvisionState.Vacancy vacancy : state.vacancies()) {
					int held = (random.nextInt(3) == 0) ? random.nextInt(vacancy.available() + 1) : 0;
					this.held.put(state.provisionId() + "|" + vacancy.bedType(), held);
				}
			}
		}

		int[] free(List<String> ids, BedType bedType) {
			return ids.stream().mapToInt((id) -> free(id, bedType)).toArray();
		}

		int free(String id, BedType bedType) {
			if (this.unknown.contains(id)) {
				return -1;
			}
			int available = this.states.get(id).vacancy(bedType).map(ProvisionState.Vacancy::available).orElse(0);
			return Math.max(0, available - this.held.getOrDefault(id + "|" + bedType.name(), 0));
		}

	}

	/**
	 * The straightforward search: every open provision with a bed of the type available
	 * within the radius, the child's region first, nearest first, judged by
	 * {@link Matching} until enough fit; one that would fit but whose beds are all held
	 * (or that Redis does not hold) is left out without being counted.
	 */
	private static SearchResult reference(Map<String, ProvisionState> states, SharedFigures shared,
			SearchCriteria criteria, double radius) {
		List<Candidate> candidates = new ArrayList<>();
		Tally tally = new Tally();
		for (boolean inRegion : new boolean[] { true, false }) {
			record Pooled(ProvisionState state, int stated, double km) {
			}
			List<Pooled> pool = new ArrayList<>();
			for (ProvisionState state : states.values()) {
				var vacancy = state.vacancy(criteria.bedType());
				if (vacancy.isEmpty() || vacancy.get().available() <= 0 || !state.isOpen()
						|| inRegion != criteria.regionCode().equals(state.regionCode())) {
					continue;
				}
				double km = Matching.distanceKm(criteria.lat(), criteria.lon(), state.location().lat(),
						state.location().lon());
				if (km <= radius) {
					pool.add(new Pooled(state, vacancy.get().available(), km));
				}
			}
			pool.sort(Comparator.comparingDouble(Pooled::km).thenComparing((p) -> p.state().provisionId()));
			for (Pooled pooled : pool) {
				if (candidates.size() >= LIMIT) {
					break;
				}
				if (Matching.judge(criteria, pooled.state(), pooled.stated(), pooled.km(),
						NOW) instanceof Matching.Excluded excluded) {
					tally.add(excluded);
					continue;
				}
				int free = shared.free(pooled.state().provisionId(), criteria.bedType());
				if (free <= 0) {
					continue;
				}
				switch (Matching.judge(criteria, pooled.state(), free, pooled.km(), NOW)) {
					case Matching.Fit fit -> candidates.add(fit.candidate());
					case Matching.Excluded excluded -> tally.add(excluded);
				}
			}
		}
		candidates.sort(Matching.RANKING);
		return new SearchResult(List.copyOf(candidates), tally.exclusions(), NOW,
				new Point(criteria.lat(), criteria.lon()));
	}

	private static ProvisionState provision(Random random, String id, long version) {
		List<ProvisionState.Vacancy> vacancies = new ArrayList<>();
		for (BedType type : new BedType[] { BedType.CRISIS, BedType.ASSESSMENT }) {
			if (random.nextInt(4) > 0) {
				Instant confirmed = random.nextInt(5) == 0 ? null
						: NOW.minus(Duration.ofMinutes(random.nextInt(60 * 30)));
				vacancies.add(new ProvisionState.Vacancy(type.name(), 4, random.nextInt(4), confirmed, confirmed));
			}
		}
		int min = 8 + random.nextInt(6);
		ProvisionState.Admissions admissions = random.nextInt(3) > 0 ? new ProvisionState.Admissions(true, List.of())
				: new ProvisionState.Admissions(false,
						List.of(new ProvisionState.Window(LocalTime.of(random.nextInt(24), 0),
								LocalTime.of(random.nextInt(24), 30))));
		return new ProvisionState(id, version, "provider-1", "Unit " + id, "CRISIS_UNIT",
				REGIONS.get(random.nextInt(REGIONS.size())), place(random),
				new ProvisionState.AgeRange(min, min + 2 + random.nextInt(8)),
				List.of("ANY", "ANY", "FEMALE", "MALE").get(random.nextInt(4)), some(random, 5), some(random, 1),
				admissions, random.nextInt(12) == 0 ? "PAUSED" : "OPEN", random.nextInt(3) == 0 ? 6 : null, vacancies,
				null);
	}

	/**
	 * Anywhere in Wales, or a third of the time on a coarse lattice, where provisions
	 * share a place and lie at equal distances from a child on it: ties to be ordered by
	 * id.
	 */
	private static ProvisionState.Location place(Random random) {
		if (random.nextInt(3) == 0) {
			return new ProvisionState.Location(51.3 + random.nextInt(8) * 0.3, -5.3 + random.nextInt(9) * 0.3);
		}
		return new ProvisionState.Location(51.3 + random.nextDouble() * 2.1, -5.3 + random.nextDouble() * 2.6);
	}

	/** The same search with its radius at one provision's exact distance. */
	private static SearchCriteria reachingExactly(SearchCriteria criteria, ProvisionState provision) {
		double km = Matching.distanceKm(criteria.lat(), criteria.lon(), provision.location().lat(),
				provision.location().lon());
		return new SearchCriteria(criteria.regionCode(), criteria.lat(), criteria.lon(), criteria.age(), criteria.sex(),
				criteria.needs(), criteria.bedType(), criteria.admissionAt(), km);
	}

	private static SearchCriteria criteria(Random random) {
		Double maxKm = random.nextBoolean() ? null : 5 + random.nextDouble() * 300;
		ProvisionState.Location child = place(random);
		return new SearchCriteria(REGIONS.get(random.nextInt(REGIONS.size())), child.lat(), child.lon(),
				8 + random.nextInt(10), Sex.values()[random.nextInt(Sex.values().length)], some(random, 2),
				random.nextBoolean() ? BedType.CRISIS : BedType.ASSESSMENT,
				NOW.plus(Duration.ofHours(random.nextInt(24))), maxKm);
	}

	private static List<String> some(Random random, int most) {
		List<String> codes = new ArrayList<>();
		for (int i = random.nextInt(most + 1); i > 0; i--) {
			String code = NEEDS.get(random.nextInt(NEEDS.size()));
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes;
	}

}
