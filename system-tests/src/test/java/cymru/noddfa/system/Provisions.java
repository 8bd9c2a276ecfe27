package cymru.noddfa.system;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies for provisions, as a provider's app would send them. */
final class Provisions {

	/** The provider every journey's provisions belong to. */
	static final String PROVIDER = "ctm-partnership";

	private Provisions() {
	}

	static String newId(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A 24/7 crisis unit a few hundred metres from Bridgend town centre. */
	static Map<String, Object> crisisUnitNearBridgend(String id, int crisisBeds, int free) {
		return crisisUnitNearBridgend(id, PROVIDER, crisisBeds, free);
	}

	/** The same unit, kept by another provider. */
	static Map<String, Object> crisisUnitNearBridgend(String id, String providerId, int crisisBeds, int free) {
		return Map.ofEntries(Map.entry("id", id), Map.entry("providerId", providerId),
				Map.entry("name", "Journey test unit " + id), Map.entry("kind", "CRISIS_UNIT"),
				Map.entry("regionCode", "CTM"), Map.entry("localAuthority", "Bridgend"),
				Map.entry("location", Map.of("lat", 51.5080, "lon", -3.5850)),
				Map.entry("ageRange", Map.of("min", 11, "max", 17)), Map.entry("accepts", "ANY"),
				Map.entry("needsMet", List.of("MH_CRISIS", "SELF_HARM")), Map.entry("exclusions", List.of()),
				Map.entry("admissions", Map.of("always", true, "windows", List.of())),
				Map.entry("stalenessWindowHours", 12),
				Map.entry("vacancies", List.of(Map.of("bedType", "CRISIS", "total", crisisBeds, "available", free))));
	}

	static Map<String, Object> vacancy(int total, int available) {
		return Map.of("total", total, "available", available);
	}

}
