package cymru.noddfa.bench.generate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One generated provision, as the registry's create request describes it. */
public record SyntheticProvision(String id, String providerId, String name, String kind, String regionCode,
		String localAuthority, double lat, double lon, int minAge, int maxAge, String accepts, List<String> needsMet,
		List<String> exclusions, Window admissions, List<Beds> vacancies) {

	/** Admission hours: {@code null} bounds mean 24/7; times are Europe/London. */
	public record Window(String from, String to) {

		public static final Window ALWAYS = new Window(null, null);

		public boolean always() {
			return this.from == null;
		}

	}

	public record Beds(String bedType, int total, int available) {
	}

	/** The registry's {@code POST /v1/provisions} body. */
	public Map<String, Object> createRequest() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", this.id);
		body.put("providerId", this.providerId);
		body.put("name", this.name);
		body.put("kind", this.kind);
		body.put("regionCode", this.regionCode);
		body.put("localAuthority", this.localAuthority);
		body.put("location", Map.of("lat", this.lat, "lon", this.lon));
		body.put("ageRange", Map.of("min", this.minAge, "max", this.maxAge));
		body.put("accepts", this.accepts);
		body.put("needsMet", this.needsMet);
		body.put("exclusions", this.exclusions);
		body.put("admissions",
				this.admissions.always() ? Map.of("always", true, "windows", List.of()) : Map.of("always", false,
						"windows", List.of(Map.of("from", this.admissions.from(), "to", this.admissions.to()))));
		body.put("stalenessWindowHours", 12);
		body.put("vacancies", this.vacancies.stream()
			.map((beds) -> Map.of("bedType", beds.bedType(), "total", beds.total(), "available", beds.available()))
			.toList());
		return body;
	}

}
