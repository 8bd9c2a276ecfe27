package cymru.noddfa.matcher.availability;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of a {@code registry.provision-state.v1} value that matching reads. The
 * registry owns the contract; this is our own copy of the part we need, so new fields on
 * its side never break us. {@code onCallPhone} (null when the provider gave none) is not
 * matched on: it is kept to be shown with each search result, so a crisis team can ring
 * the unit at once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProvisionState(String provisionId, long version, String providerId, String name, String kind,
		String regionCode, Location location, AgeRange ageRange, String accepts, List<String> needsMet,
		List<String> exclusions, Admissions admissions, String status, Integer stalenessWindowHours,
		List<Vacancy> vacancies, String onCallPhone) {

	/** The furthest from the equator Redis's GEO indexes reach (EPSG:3857). */
	private static final double MAX_LATITUDE = 85.05112878;

	public ProvisionState {
		needsMet = (needsMet != null) ? List.copyOf(needsMet) : List.of();
		exclusions = (exclusions != null) ? List.copyOf(exclusions) : List.of();
		vacancies = (vacancies != null) ? List.copyOf(vacancies) : List.of();
		admissions = (admissions != null) ? admissions : new Admissions(true, List.of());
		ageRange = (ageRange != null) ? ageRange : new AgeRange(0, 99);
		accepts = (accepts != null) ? accepts : "ANY";
		onCallPhone = (onCallPhone != null && !onCallPhone.isBlank()) ? onCallPhone.strip() : null;
	}

	/**
	 * What keeps this state from ever being applied, if anything: no id (or another
	 * provision's than the record's key), no version, no region or status, a place Redis
	 * cannot index, a vacancy without its bed type, an admission window without its
	 * times. Fields the matcher does not read are not checked.
	 */
	public List<String> problems(String key) {
		List<String> problems = new java.util.ArrayList<>();
		if (this.provisionId == null || this.provisionId.isBlank()) {
			problems.add("provisionId is missing");
		}
		else if (key != null && !key.equals(this.provisionId)) {
			problems.add("provisionId " + this.provisionId + " is not the record's key");
		}
		if (this.version < 1) {
			problems.add("version is missing or below 1");
		}
		if (this.regionCode == null || this.regionCode.isBlank()) {
			problems.add("regionCode is missing");
		}
		if (this.status == null || this.status.isBlank()) {
			problems.add("status is missing");
		}
		if (this.location == null) {
			problems.add("location is missing");
		}
		else if (!(Math.abs(this.location.lat()) <= MAX_LATITUDE && Math.abs(this.location.lon()) <= 180)) {
			problems.add("location is outside the latitudes and longitudes a GEO index holds");
		}
		if (this.vacancies.stream().anyMatch((vacancy) -> vacancy == null || vacancy.bedType() == null)) {
			problems.add("a vacancy has no bedType");
		}
		if (this.admissions.windows().stream().anyMatch((w) -> w == null || w.from() == null || w.to() == null)) {
			problems.add("an admission window has no from or to");
		}
		return problems;
	}

	public boolean isOpen() {
		return "OPEN".equals(this.status);
	}

	public java.util.Optional<Vacancy> vacancy(BedType bedType) {
		return this.vacancies.stream().filter((v) -> bedType.name().equals(v.bedType())).findFirst();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Location(double lat, double lon) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record AgeRange(int min, int max) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Admissions(boolean always, List<Window> windows) {

		public Admissions {
			windows = (windows != null) ? List.copyOf(windows) : List.of();
		}

		/** Local (Europe/London) time of day; a window may cross midnight. */
		public boolean admitsAt(LocalTime time) {
			if (this.always) {
				return true;
			}
			return this.windows.stream().anyMatch((window) -> window.contains(time));
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Window(LocalTime from, LocalTime to) {

		boolean contains(LocalTime time) {
			if (this.from.equals(this.to)) {
				return true;
			}
			if (this.from.isBefore(this.to)) {
				return !time.isBefore(this.from) && time.isBefore(this.to);
			}
			return !time.isBefore(this.from) || time.isBefore(this.to);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Vacancy(String bedType, int total, int available, Instant confirmedAt, Instant updatedAt) {
	}

}
