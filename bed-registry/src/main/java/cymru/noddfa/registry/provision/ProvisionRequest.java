package cymru.noddfa.registry.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import cymru.noddfa.registry.provision.Provision.VacancyCount;
import cymru.noddfa.registry.reference.ReferenceData;

/**
 * A provision as a provider describes it, to create or replace it. Only {@code id}
 * (create only), {@code postcode}, {@code regulatorReference}, {@code onCallPhone},
 * {@code accepts} (ANY), {@code exclusions} (none), {@code admissions} (24/7),
 * {@code stalenessWindowHours} (the service default) and {@code vacancies} (none) may be
 * left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvisionRequest(String id, String providerId, String name, ProvisionKind kind, String regionCode,
		String localAuthority, LocationBody location, String postcode, AgeRangeBody ageRange, Accepts accepts,
		List<String> needsMet, List<String> exclusions, AdmissionsBody admissions, String regulatorReference,
		String onCallPhone, Integer stalenessWindowHours, List<VacancyBody> vacancies) {

	static final int LONGEST_TEXT = 200;

	static final int MOST_NEEDS = 50;

	static final int LONGEST_STALENESS_HOURS = 24 * 7;

	public record LocationBody(Double lat, Double lon) {
	}

	public record AgeRangeBody(Integer min, Integer max) {
	}

	public record AdmissionsBody(Boolean always, List<WindowBody> windows) {
	}

	public record WindowBody(String from, String to) {
	}

	public record VacancyBody(BedType bedType, Integer total, Integer available) {
	}

	/** Checks every field once, against the vocabularies; the first fault wins. */
	public ProvisionDetails details(ReferenceData reference, int defaultStalenessWindowHours) {
		String provider = required("providerId", this.providerId);
		if (!ProvisionId.isValid(provider)) {
			throw new InvalidValue("providerId", "invalid-slug", provider);
		}
		String validName = text("name", required("name", this.name));
		required("kind", this.kind);
		String region = required("regionCode", this.regionCode);
		if (!reference.isRegion(region)) {
			throw new InvalidValue("regionCode", "unknown-region", region);
		}
		String authority = required("localAuthority", this.localAuthority);
		if (!reference.isLocalAuthorityOf(region, authority)) {
			throw new InvalidValue("localAuthority", "unknown-local-authority", authority, region);
		}
		required("location", this.location);
		Location validLocation = new Location(required("location.lat", this.location.lat()),
				required("location.lon", this.location.lon()));
		required("ageRange", this.ageRange);
		AgeRange validAges = new AgeRange(required("ageRange.min", this.ageRange.min()),
				required("ageRange.max", this.ageRange.max()));
		List<String> needs = needs(reference, "needsMet", required("needsMet", this.needsMet));
		if (needs.isEmpty()) {
			throw new InvalidValue("needsMet", "required");
		}
		List<String> excluded = needs(reference, "exclusions", (this.exclusions != null) ? this.exclusions : List.of());
		int staleness = (this.stalenessWindowHours != null) ? this.stalenessWindowHours : defaultStalenessWindowHours;
		if (staleness < 1 || staleness > LONGEST_STALENESS_HOURS) {
			throw new InvalidValue("stalenessWindowHours", "out-of-range", staleness, 1, LONGEST_STALENESS_HOURS);
		}
		return new ProvisionDetails(provider, validName, this.kind, region, authority, validLocation,
				optionalText("postcode", this.postcode), validAges,
				Objects.requireNonNullElse(this.accepts, Accepts.ANY), needs, excluded, validAdmissions(),
				optionalText("regulatorReference", this.regulatorReference),
				optionalText("onCallPhone", this.onCallPhone), staleness);
	}

	public List<VacancyCount> vacancyCounts() {
		if (this.vacancies == null) {
			return List.of();
		}
		List<VacancyCount> counts = new ArrayList<>();
		for (int i = 0; i < this.vacancies.size(); i++) {
			String at = "vacancies[" + i + "]";
			VacancyBody body = required(at, this.vacancies.get(i));
			try {
				counts.add(new VacancyCount(required("bedType", body.bedType()), required("total", body.total()),
						required("available", body.available())));
			}
			catch (InvalidValue ex) {
				throw ex.within(at);
			}
		}
		return counts;
	}

	private Admissions validAdmissions() {
		if (this.admissions == null) {
			return Admissions.ALWAYS;
		}
		boolean always = required("admissions.always", this.admissions.always());
		List<WindowBody> windows = (this.admissions.windows() != null) ? this.admissions.windows() : List.of();
		List<AdmissionWindow> valid = new ArrayList<>();
		for (int i = 0; i < windows.size(); i++) {
			String at = "admissions.windows[" + i + "]";
			WindowBody window = required(at, windows.get(i));
			valid.add(AdmissionWindow.of(at, window.from(), window.to()));
		}
		return new Admissions(always, valid);
	}

	private static List<String> needs(ReferenceData reference, String field, List<String> codes) {
		if (codes.size() > MOST_NEEDS) {
			throw new InvalidValue(field, "too-many", MOST_NEEDS);
		}
		List<String> valid = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			String code = required(field + "[" + i + "]", codes.get(i));
			if (!reference.isNeed(code)) {
				throw new InvalidValue(field + "[" + i + "]", "unknown-need", code);
			}
			if (!valid.contains(code)) {
				valid.add(code);
			}
		}
		return valid;
	}

	private static String text(String field, String value) {
		if (value.isBlank()) {
			throw new InvalidValue(field, "required");
		}
		if (value.length() > LONGEST_TEXT) {
			throw new InvalidValue(field, "too-long", LONGEST_TEXT);
		}
		return value.strip();
	}

	private static String optionalText(String field, String value) {
		return (value == null || value.isBlank()) ? null : text(field, value);
	}

	private static <T> T required(String field, T value) {
		if (value == null) {
			throw new InvalidValue(field, "required");
		}
		return value;
	}

}
