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

import cymru.noddfa.matcher.availability.AvailabilityIndex;
import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.availability.LedgerRow;
import cymru.noddfa.matcher.availability.ProvisionState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index gives what the straightforward search gives: every provision of the pool
 * judged by {@link Matching} nearest first, the child's region first, until enough fit.
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
			AvailabilityIndex index = new AvailabilityIndex();
			Map<String, ProvisionState> states = new HashMap<>();
			Map<String, Integer> spokenFor = new HashMap<>();
			long revision = 1;
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
			}
			List<LedgerRow> rows = new ArrayList<>();
			for (ProvisionState state : states.values()) {
				for (ProvisionState.Vacancy vacancy : state.vacancies()) {
					int held = random.nextInt(3) == 0 ? random.nextInt(vacancy.available() + 1) : 0;
					spokenFor.put(state.provisionId() + "|" + vacancy.bedType(), held);
					rows.add(new LedgerRow(state.provisionId(), BedType.valueOf(vacancy.bedType()), vacancy.available(),
							held, 0, state.version(), revision++));
				}
			}
			index.ledger(rows);
			for (int s = 0; s < 20; s++) {
				SearchCriteria criteria = criteria(random);
				double radius = (criteria.maxKm() != null) ? criteria.maxKm() : 800;
				SearchResult expected = reference(states, spokenFor, criteria, radius);
				SearchResult actual = IndexSearch.run(index, criteria, radius, LIMIT, 4096, NOW, Map.of());
				assertThat(actual.candidates()).as("candidates of %s", criteria).isEqualTo(expected.candidates());
				assertThat(actual.excluded()).as("exclusions of %s", criteria).isEqualTo(expected.excluded());
				compared++;
			}
		}
		assertThat(compared).isEqualTo(600);
	}

	private static SearchResult reference(Map<String, ProvisionState> states, Map<String, Integer> spokenFor,
			SearchCriteria criteria, double radius) {
		List<Candidate> candidates = new ArrayList<>();
		IndexSearch.Tally tally = new IndexSearch.Tally();
		for (boolean inRegion : new boolean[] { true, false }) {
			record Pooled(ProvisionState state, int free, double km) {
			}
			List<Pooled> pool = new ArrayList<>();
			for (ProvisionState state : states.values()) {
				var vacancy = state.vacancy(criteria.bedType());
				if (vacancy.isEmpty() || !state.isOpen()
						|| inRegion != criteria.regionCode().equals(state.regionCode())) {
					continue;
				}
				int free = vacancy.get().available()
						- spokenFor.getOrDefault(state.provisionId() + "|" + criteria.bedType().name(), 0);
				double km = Matching.distanceKm(criteria.lat(), criteria.lon(), state.location().lat(),
						state.location().lon());
				if (free > 0 && km <= radius) {
					pool.add(new Pooled(state, free, km));
				}
			}
			pool.sort(Comparator.comparingDouble(Pooled::km).thenComparing((p) -> p.state().provisionId()));
			for (Pooled pooled : pool) {
				if (candidates.size() >= LIMIT) {
					break;
				}
				switch (Matching.judge(criteria, pooled.state(), pooled.free(), pooled.km(), NOW)) {
					case Matching.Fit fit -> candidates.add(fit.candidate());
					case Matching.Excluded excluded -> tally.add(excluded);
				}
			}
		}
		candidates.sort(Matching.RANKING);
		return new SearchResult(List.copyOf(candidates), tally.exclusions(), NOW);
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
				REGIONS.get(random.nextInt(REGIONS.size())),
				new ProvisionState.Location(51.3 + random.nextDouble() * 2.1, -5.3 + random.nextDouble() * 2.6),
				new ProvisionState.AgeRange(min, min + 2 + random.nextInt(8)),
				List.of("ANY", "ANY", "FEMALE", "MALE").get(random.nextInt(4)), some(random, 5), some(random, 1),
				admissions, random.nextInt(12) == 0 ? "PAUSED" : "OPEN", random.nextInt(3) == 0 ? 6 : null, vacancies);
	}

	private static SearchCriteria criteria(Random random) {
		Double maxKm = random.nextBoolean() ? null : 5 + random.nextDouble() * 300;
		return new SearchCriteria(REGIONS.get(random.nextInt(REGIONS.size())), 51.3 + random.nextDouble() * 2.1,
				-5.3 + random.nextDouble() * 2.6, 8 + random.nextInt(10),
				Sex.values()[random.nextInt(Sex.values().length)], some(random, 2),
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
