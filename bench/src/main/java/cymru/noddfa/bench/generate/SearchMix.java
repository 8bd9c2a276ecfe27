package cymru.noddfa.bench.generate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The searches crisis teams send, drawn with a fixed seed near the scale's provisions:
 * mostly crisis beds, one or two needs, a child of 11 to 17, within 100 km.
 */
public final class SearchMix {

	public static final double MAX_KM = 100;

	/**
	 * Every search asks for the same admission time, a weekday afternoon, so which
	 * admission windows are open does not depend on when the benchmark runs.
	 */
	public static final Instant ADMISSION_AT = Instant.parse("2026-01-14T15:00:00Z");

	private static final String[] BED_TYPES = { "CRISIS", "ASSESSMENT", "SHORT_TERM", "SAFE_SPACE_PLACE" };

	private static final double[] BED_TYPE_WEIGHTS = { 0.5, 0.2, 0.15, 0.15 };

	private static final String[] COMMON_NEEDS = { "MH_CRISIS", "SELF_HARM", "NEURODEVELOPMENTAL", "TRAUMA",
			"LEARNING_DISABILITY", "SUBSTANCE_MISUSE" };

	private SearchMix() {
	}

	public static List<SearchCriteria> searches(List<SyntheticProvision> provisions, int count, long seed) {
		Random random = new Random(seed * 31 + provisions.size());
		List<SearchCriteria> searches = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			SyntheticProvision near = provisions.get(random.nextInt(provisions.size()));
			String bedType = BED_TYPES[ProvisionGenerator.weighted(random, BED_TYPE_WEIGHTS)];
			List<String> needs = new ArrayList<>();
			needs.add(bedType.equals("CRISIS") ? "MH_CRISIS" : COMMON_NEEDS[random.nextInt(COMMON_NEEDS.length)]);
			if (random.nextInt(3) == 0) {
				String second = COMMON_NEEDS[random.nextInt(COMMON_NEEDS.length)];
				if (!needs.contains(second)) {
					needs.add(second);
				}
			}
			searches
				.add(new SearchCriteria(near.regionCode(), Geography.round(near.lat() + random.nextGaussian() * 0.1),
						Geography.round(near.lon() + random.nextGaussian() * 0.15), 11 + random.nextInt(7),
						random.nextBoolean() ? "FEMALE" : "MALE", List.copyOf(needs), bedType, MAX_KM, ADMISSION_AT));
		}
		return List.copyOf(searches);
	}

	/** One search, as the matcher's {@code GET /v1/searches} takes it. */
	public record SearchCriteria(String regionCode, double lat, double lon, int age, String sex, List<String> needs,
			String bedType, double maxKm, Instant admissionAt) {

		public String query() {
			return "regionCode=" + this.regionCode + "&lat=" + this.lat + "&lon=" + this.lon + "&age=" + this.age
					+ "&sex=" + this.sex + "&needs=" + String.join(",", this.needs) + "&bedType=" + this.bedType
					+ "&maxKm=" + this.maxKm + "&admissionAt=" + this.admissionAt;
		}

	}

}
