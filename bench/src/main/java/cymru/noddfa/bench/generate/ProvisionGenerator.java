package cymru.noddfa.bench.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cymru.noddfa.bench.generate.SyntheticProvision.Beds;
import cymru.noddfa.bench.generate.SyntheticProvision.Window;

/**
 * Synthetic provisions with a realistic spread: mostly children's homes, fewer crisis and
 * assessment units, beds by kind, a third of bed types full, needs clustered by kind, a
 * few exclusions and admission windows. The same seed always gives the same provisions,
 * in the same order, so runs on different days compare like with like.
 */
public final class ProvisionGenerator {

	public static final long DEFAULT_SEED = 20_260_423L;

	static final List<String> NEEDS = Geography.csv("/geography/needs.csv").stream().map((row) -> row[0]).toList();

	private static final String[] KINDS = { "CRISIS_UNIT", "ASSESSMENT_UNIT", "CHILDRENS_HOME",
			"THERAPEUTIC_RESIDENTIAL", "SAFE_SPACE" };

	private static final double[] KIND_WEIGHTS = { 0.15, 0.15, 0.40, 0.15, 0.15 };

	private final Geography geography;

	private final long seed;

	public ProvisionGenerator(Geography geography, long seed) {
		this.geography = geography;
		this.seed = seed;
	}

	public List<SyntheticProvision> provisions(Scale scale) {
		Random random = new Random(this.seed ^ scale.provisions());
		List<Place> towns = this.geography.towns(scale, random);
		List<SyntheticProvision> provisions = new ArrayList<>(scale.provisions());
		int provider = 0;
		int leftForProvider = 0;
		for (int i = 0; i < scale.provisions(); i++) {
			if (leftForProvider == 0) {
				provider++;
				leftForProvider = 1 + random.nextInt(5);
			}
			leftForProvider--;
			provisions.add(provision(scale, i + 1, provider, towns.get(random.nextInt(towns.size())), random));
		}
		return List.copyOf(provisions);
	}

	private static SyntheticProvision provision(Scale scale, int number, int provider, Place town, Random random) {
		String kind = KINDS[weighted(random, KIND_WEIGHTS)];
		String id = String.format("%s-%05d", scale.idPrefix(), number);
		String providerId = String.format("%s-provider-%05d", scale.idPrefix(), provider);
		double lat = Geography.round(town.lat() + random.nextGaussian() * 0.03);
		double lon = Geography.round(town.lon() + random.nextGaussian() * 0.045);
		int minAge = new int[] { 8, 10, 11, 12, 13 }[random.nextInt(5)];
		int maxAge = (random.nextInt(4) == 0) ? 18 : 17;
		double sex = random.nextDouble();
		String accepts = (sex < 0.8) ? "ANY" : (sex < 0.9) ? "FEMALE" : "MALE";
		List<String> needs = needs(kind, random);
		List<String> exclusions = new ArrayList<>();
		if (random.nextInt(4) == 0) {
			List<String> unmet = NEEDS.stream().filter((need) -> !needs.contains(need)).toList();
			exclusions.add(unmet.get(random.nextInt(unmet.size())));
		}
		return new SyntheticProvision(id, providerId, kindLabel(kind) + " " + town.name() + " " + number, kind,
				town.regionCode(), town.localAuthority(), lat, lon, minAge, maxAge, accepts, needs,
				List.copyOf(exclusions), admissions(kind, random), beds(kind, random));
	}

	private static List<String> needs(String kind, Random random) {
		Set<String> needs = new LinkedHashSet<>();
		switch (kind) {
			case "CRISIS_UNIT", "SAFE_SPACE" -> {
				needs.add("MH_CRISIS");
				needs.add("SELF_HARM");
			}
			case "ASSESSMENT_UNIT" -> {
				needs.add("MH_CRISIS");
				needs.add("NEURODEVELOPMENTAL");
			}
			case "THERAPEUTIC_RESIDENTIAL" -> {
				needs.add("TRAUMA");
				needs.add("BEHAVIOUR_THAT_CHALLENGES");
			}
			default -> needs.add("TRAUMA");
		}
		int extra = random.nextInt(4);
		for (int i = 0; i < extra; i++) {
			needs.add(NEEDS.get(random.nextInt(NEEDS.size())));
		}
		return List.copyOf(needs);
	}

	private static Window admissions(String kind, Random random) {
		return switch (kind) {
			case "CRISIS_UNIT" -> Window.ALWAYS;
			case "SAFE_SPACE" -> (random.nextInt(3) == 0) ? Window.ALWAYS : new Window("17:00", "02:00");
			case "ASSESSMENT_UNIT" -> (random.nextBoolean()) ? Window.ALWAYS : new Window("08:00", "22:00");
			default -> (random.nextInt(3) == 0) ? Window.ALWAYS : new Window("08:00", "20:00");
		};
	}

	private static List<Beds> beds(String kind, Random random) {
		List<Beds> beds = new ArrayList<>();
		switch (kind) {
			case "CRISIS_UNIT" -> {
				beds.add(beds("CRISIS", 2 + random.nextInt(5), random));
				if (random.nextBoolean()) {
					beds.add(beds("ASSESSMENT", 1 + random.nextInt(4), random));
				}
			}
			case "ASSESSMENT_UNIT" -> beds.add(beds("ASSESSMENT", 2 + random.nextInt(7), random));
			case "CHILDRENS_HOME" -> {
				beds.add(beds("SHORT_TERM", 1 + random.nextInt(4), random));
				if (random.nextBoolean()) {
					beds.add(beds("LONG_TERM", 1 + random.nextInt(4), random));
				}
				if (random.nextInt(5) == 0) {
					beds.add(beds("CRISIS", 1, random));
				}
			}
			case "THERAPEUTIC_RESIDENTIAL" -> beds.add(beds("LONG_TERM", 2 + random.nextInt(5), random));
			default -> beds.add(beds("SAFE_SPACE_PLACE", 2 + random.nextInt(7), random));
		}
		return List.copyOf(beds);
	}

	private static Beds beds(String bedType, int total, Random random) {
		int available = (random.nextInt(3) == 0) ? 0 : 1 + random.nextInt(total);
		return new Beds(bedType, total, available);
	}

	static int weighted(Random random, double[] weights) {
		double at = random.nextDouble();
		for (int i = 0; i < weights.length; i++) {
			at -= weights[i];
			if (at < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private static String kindLabel(String kind) {
		return switch (kind) {
			case "CRISIS_UNIT" -> "Crisis unit";
			case "ASSESSMENT_UNIT" -> "Assessment unit";
			case "CHILDRENS_HOME" -> "Children's home";
			case "THERAPEUTIC_RESIDENTIAL" -> "Therapeutic home";
			default -> "Safe space";
		};
	}

}
