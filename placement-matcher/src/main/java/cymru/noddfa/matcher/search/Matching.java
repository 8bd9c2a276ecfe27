package cymru.noddfa.matcher.search;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cymru.noddfa.matcher.availability.Geo;
import cymru.noddfa.matcher.availability.ProvisionState;

/**
 * The hard filters and the ranking of DESIGN §4. Pure: the same inputs always give the
 * same verdict, so every rule is tested without Redis.
 */
public final class Matching {

	/** Admission windows are the provider's local time. */
	static final ZoneId LOCAL = ZoneId.of("Europe/London");

	static final int DEFAULT_STALENESS_HOURS = 12;

	/**
	 * In-region before out-of-region; within each, confirmed vacancies before unconfirmed
	 * ones (DESIGN §3: unconfirmed are shown but ranked below confirmed), then nearest
	 * first.
	 */
	public static final Comparator<Candidate> RANKING = Comparator.comparing(Candidate::inRegion)
		.reversed()
		.thenComparing(Candidate::confirmed, Comparator.reverseOrder())
		.thenComparingDouble(Candidate::distanceKm)
		.thenComparing(Candidate::provisionId);

	private Matching() {
	}

	public sealed interface Verdict permits Fit, Excluded {

	}

	public record Fit(Candidate candidate) implements Verdict {
	}

	public record Excluded(ExclusionReason reason, String need) implements Verdict {
	}

	/**
	 * @param free beds of the wanted type free after holds and placements
	 * @param distanceKm from the child to the provision
	 * @param now the time the search runs, for how fresh the vacancy is
	 */
	public static Verdict judge(SearchCriteria criteria, ProvisionState provision, int free, double distanceKm,
			Instant now) {
		if (!provision.isOpen()) {
			return new Excluded(ExclusionReason.NOT_OPEN, null);
		}
		var vacancy = provision.vacancy(criteria.bedType());
		if (vacancy.isEmpty() || free <= 0) {
			return new Excluded(ExclusionReason.NO_BED_FREE, null);
		}
		if (criteria.maxKm() != null && distanceKm > criteria.maxKm()) {
			return new Excluded(ExclusionReason.TOO_FAR, null);
		}
		if (criteria.age() < provision.ageRange().min() || criteria.age() > provision.ageRange().max()) {
			return new Excluded(ExclusionReason.AGE, null);
		}
		if (!accepts(provision.accepts(), criteria.sex())) {
			return new Excluded(ExclusionReason.SEX, null);
		}
		for (String need : criteria.needs()) {
			if (!provision.needsMet().contains(need)) {
				return new Excluded(ExclusionReason.NEED_NOT_MET, need);
			}
		}
		for (String need : criteria.needs()) {
			if (provision.exclusions().contains(need)) {
				return new Excluded(ExclusionReason.EXCLUDED_NEED, need);
			}
		}
		LocalTime localAdmission = criteria.admissionAt().atZone(LOCAL).toLocalTime();
		if (!provision.admissions().admitsAt(localAdmission)) {
			return new Excluded(ExclusionReason.NOT_ADMITTING, null);
		}
		Instant confirmedAt = vacancy.get().confirmedAt();
		int stalenessHours = (provision.stalenessWindowHours() != null) ? provision.stalenessWindowHours()
				: DEFAULT_STALENESS_HOURS;
		boolean confirmed = confirmedAt != null && !confirmedAt.isBefore(now.minus(Duration.ofHours(stalenessHours)));
		boolean inRegion = criteria.regionCode().equals(provision.regionCode());

		List<Reason> reasons = new ArrayList<>();
		reasons.add(inRegion ? Reason.of("IN_REGION", provision.regionCode())
				: Reason.of("OUT_OF_REGION", provision.regionCode()));
		reasons.add(Reason.of("BEDS_FREE", free));
		reasons.add(Reason.of("AGE_RANGE", provision.ageRange().min(), provision.ageRange().max()));
		if (!criteria.needs().isEmpty()) {
			reasons.add(Reason.of("NEEDS_MET", criteria.needs().size()));
		}
		reasons.add(provision.admissions().always() ? Reason.of("ADMITS_ANY_TIME")
				: Reason.of("ADMITS_AT", localAdmission.toString()));
		if (confirmed) {
			reasons.add(Reason.of("CONFIRMED", Math.max(0, Duration.between(confirmedAt, now).toMinutes())));
		}
		else if (confirmedAt != null) {
			reasons.add(Reason.of("UNCONFIRMED", Duration.between(confirmedAt, now).toHours()));
		}
		else {
			reasons.add(Reason.of("NEVER_CONFIRMED"));
		}
		return new Fit(
				new Candidate(provision.provisionId(), provision.name(), provision.kind(), provision.regionCode(),
						inRegion, oneDecimal(distanceKm), free, confirmed, confirmedAt, List.copyOf(reasons),
						new Point(provision.location().lat(), provision.location().lon()), provision.onCallPhone()));
	}

	/** ANY takes every child; FEMALE or MALE only children of that sex. */
	static boolean accepts(String accepts, Sex sex) {
		return switch (accepts) {
			case "ANY" -> true;
			case "FEMALE" -> sex == Sex.FEMALE;
			case "MALE" -> sex == Sex.MALE;
			default -> false;
		};
	}

	static double oneDecimal(double km) {
		return BigDecimal.valueOf(km).setScale(1, RoundingMode.HALF_UP).doubleValue();
	}

	/** Great-circle distance, for callers that have coordinates rather than an index. */
	public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
		return Geo.distanceKm(lat1, lon1, lat2, lon2);
	}

}
