package cymru.noddfa.matcher.search;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.availability.ProvisionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class MatchingTest {

	/** 23:30 in Wales in winter (GMT = UTC). */
	private static final Instant WINTER_NIGHT = Instant.parse("2026-11-23T23:30:00Z");

	private static final Instant NOW = WINTER_NIGHT;

	record Case(ProvisionState provision, int free, double km, SearchCriteria criteria) {
	}

	static ProvisionState provision(UnaryOperator<Builder> change) {
		return change.apply(new Builder()).build();
	}

	static SearchCriteria criteria(int age, Sex sex, List<String> needs, Instant at, Double maxKm) {
		return new SearchCriteria("CTM", 51.5, -3.58, age, sex, needs, BedType.CRISIS, at, maxKm);
	}

	static SearchCriteria child() {
		return criteria(14, Sex.FEMALE, List.of("MH_CRISIS"), WINTER_NIGHT, null);
	}

	static Stream<Arguments> filters() {
		return Stream.of(arguments("open 24/7 unit with a free bed fits", provision((p) -> p), 1, 5.0, child(), "FIT"),
				arguments("youngest age taken fits", provision((p) -> p), 1, 5.0,
						criteria(11, Sex.FEMALE, List.of(), NOW, null), "FIT"),
				arguments("oldest age taken fits", provision((p) -> p), 1, 5.0,
						criteria(17, Sex.FEMALE, List.of(), NOW, null), "FIT"),
				arguments("a year too young", provision((p) -> p), 1, 5.0,
						criteria(10, Sex.FEMALE, List.of(), NOW, null), "AGE"),
				arguments("a year too old", provision((p) -> p), 1, 5.0, criteria(18, Sex.FEMALE, List.of(), NOW, null),
						"AGE"),
				arguments("paused for staffing", provision((p) -> p.status("PAUSED")), 1, 5.0, child(), "NOT_OPEN"),
				arguments("closed", provision((p) -> p.status("CLOSED")), 1, 5.0, child(), "NOT_OPEN"),
				arguments("every bed held or placed", provision((p) -> p), 0, 5.0, child(), "NO_BED_FREE"),
				arguments("no beds of the type at all", provision((p) -> p.bedType("ASSESSMENT")), 1, 5.0, child(),
						"NO_BED_FREE"),
				arguments("need not met", provision((p) -> p), 1, 5.0,
						criteria(14, Sex.FEMALE, List.of("LEARNING_DISABILITY"), NOW, null),
						"NEED_NOT_MET:LEARNING_DISABILITY"),
				arguments("the second need is the one not met", provision((p) -> p), 1, 5.0,
						criteria(14, Sex.FEMALE, List.of("MH_CRISIS", "EATING_DISORDER"), NOW, null),
						"NEED_NOT_MET:EATING_DISORDER"),
				arguments("a need the unit cannot take",
						provision((p) -> p.needs("MH_CRISIS", "SUBSTANCE_MISUSE").exclusions("SUBSTANCE_MISUSE")), 1,
						5.0, criteria(14, Sex.FEMALE, List.of("SUBSTANCE_MISUSE"), NOW, null),
						"EXCLUDED_NEED:SUBSTANCE_MISUSE"),
				arguments("girls-only unit, girl", provision((p) -> p.accepts("FEMALE")), 1, 5.0,
						criteria(14, Sex.FEMALE, List.of(), NOW, null), "FIT"),
				arguments("girls-only unit, boy", provision((p) -> p.accepts("FEMALE")), 1, 5.0,
						criteria(14, Sex.MALE, List.of(), NOW, null), "SEX"),
				arguments("girls-only unit, sex unknown", provision((p) -> p.accepts("FEMALE")), 1, 5.0,
						criteria(14, Sex.UNKNOWN, List.of(), NOW, null), "SEX"),
				arguments("boys-only unit, other", provision((p) -> p.accepts("MALE")), 1, 5.0,
						criteria(14, Sex.OTHER, List.of(), NOW, null), "SEX"),
				arguments("any-sex unit, other", provision((p) -> p), 1, 5.0,
						criteria(14, Sex.OTHER, List.of(), NOW, null), "FIT"),
				arguments("overnight window 18:00-08:00 at 23:30", provision((p) -> p.window("18:00", "08:00")), 1, 5.0,
						at("2026-11-23T23:30:00Z"), "FIT"),
				arguments("overnight window after midnight, 03:00", provision((p) -> p.window("18:00", "08:00")), 1,
						5.0, at("2026-11-24T03:00:00Z"), "FIT"),
				arguments("overnight window closes at 08:00 sharp", provision((p) -> p.window("18:00", "08:00")), 1,
						5.0, at("2026-11-24T08:00:00Z"), "NOT_ADMITTING"),
				arguments("overnight window at noon", provision((p) -> p.window("18:00", "08:00")), 1, 5.0,
						at("2026-11-24T12:00:00Z"), "NOT_ADMITTING"),
				arguments("day window, a minute before it closes", provision((p) -> p.window("08:00", "20:00")), 1, 5.0,
						at("2026-11-24T19:59:00Z"), "FIT"),
				arguments("day window, a minute before it opens", provision((p) -> p.window("08:00", "20:00")), 1, 5.0,
						at("2026-11-24T07:59:00Z"), "NOT_ADMITTING"),
				arguments("summer time: 17:30 UTC is 18:30 in Wales, inside 18:00-08:00",
						provision((p) -> p.window("18:00", "08:00")), 1, 5.0, at("2026-07-01T17:30:00Z"), "FIT"),
				arguments("summer time: 07:30 UTC is 08:30 in Wales, outside 18:00-08:00",
						provision((p) -> p.window("18:00", "08:00")), 1, 5.0, at("2026-07-01T07:30:00Z"),
						"NOT_ADMITTING"),
				arguments("the second of two windows admits",
						provision((p) -> p.window("08:00", "12:00").window("22:00", "02:00")), 1, 5.0,
						at("2026-11-24T01:00:00Z"), "FIT"),
				arguments("just inside the maximum distance", provision((p) -> p), 1, 9.9,
						criteria(14, Sex.FEMALE, List.of(), NOW, 10.0), "FIT"),
				arguments("just beyond the maximum distance", provision((p) -> p), 1, 10.1,
						criteria(14, Sex.FEMALE, List.of(), NOW, 10.0), "TOO_FAR"),
				arguments("paused wins over every other reason", provision((p) -> p.status("PAUSED")), 0, 5.0,
						criteria(30 - 20, Sex.MALE, List.of("EATING_DISORDER"), NOW, null), "NOT_OPEN"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("filters")
	void hard_filters(String name, ProvisionState provision, int free, double km, SearchCriteria criteria,
			String expected) {
		Matching.Verdict verdict = Matching.judge(criteria, provision, free, km, NOW);
		String actual = switch (verdict) {
			case Matching.Fit fit -> "FIT";
			case Matching.Excluded excluded ->
				excluded.reason() + ((excluded.need() != null) ? ":" + excluded.need() : "");
		};
		assertThat(actual).isEqualTo(expected);
	}

	@ParameterizedTest(name = "confirmed {0} h ago, window {1} h -> confirmed {2}")
	@CsvSource({ "0, 12, true", "11.9, 12, true", "12.1, 12, false", "1.9, 2, true", "2.1, 2, false", "72, 12, false" })
	void a_vacancy_is_unconfirmed_once_older_than_the_staleness_window(double hoursAgo, int window, boolean confirmed) {
		ProvisionState provision = provision(
				(p) -> p.confirmedAt(NOW.minusSeconds((long) (hoursAgo * 3600))).staleness(window));
		Matching.Fit fit = (Matching.Fit) Matching.judge(child(), provision, 1, 5.0, NOW);
		assertThat(fit.candidate().confirmed()).isEqualTo(confirmed);
		assertThat(fit.candidate().reasons()).extracting(Reason::code)
			.contains(confirmed ? "CONFIRMED" : "UNCONFIRMED");
	}

	@Test
	void a_vacancy_never_confirmed_is_shown_as_unconfirmed() {
		Matching.Fit fit = (Matching.Fit) Matching.judge(child(), provision((p) -> p.confirmedAt(null)), 1, 5.0, NOW);
		assertThat(fit.candidate().confirmed()).isFalse();
		assertThat(fit.candidate().reasons()).extracting(Reason::code).contains("NEVER_CONFIRMED");
	}

	@Test
	void a_fit_explains_itself_and_rounds_the_distance_to_a_tenth_of_a_km() {
		Matching.Fit fit = (Matching.Fit) Matching.judge(child(), provision((p) -> p), 2, 12.345, NOW);
		assertThat(fit.candidate().distanceKm()).isEqualTo(12.3);
		assertThat(fit.candidate().bedsFree()).isEqualTo(2);
		assertThat(fit.candidate().reasons()).extracting(Reason::code)
			.containsExactly("IN_REGION", "BEDS_FREE", "AGE_RANGE", "NEEDS_MET", "ADMITS_ANY_TIME", "CONFIRMED");
	}

	/**
	 * Each candidate is {@code id/in|out/confirmed|unconfirmed/km}; expected is the
	 * ranked order of ids.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			nearest first within the region      | a/in/c/20 b/in/c/5 c/in/c/12             | b c a
			in-region before a nearer elsewhere  | a/out/c/2 b/in/c/40                      | b a
			out-of-region nearest first          | a/out/c/90 b/out/c/30 c/in/c/70          | c b a
			confirmed before unconfirmed         | a/in/u/3 b/in/c/9                        | b a
			unconfirmed in-region before confirmed elsewhere | a/out/c/1 b/in/u/50          | b a
			unconfirmed ones nearest first       | a/in/u/30 b/in/u/10 c/in/c/60            | c b a
			equal distance falls back to the id  | b/in/c/5 a/in/c/5                        | a b
			""")
	void ranking(String name, String candidates, String expected) {
		List<Candidate> list = new ArrayList<>();
		for (String spec : candidates.trim().split("\\s+")) {
			String[] parts = spec.split("/");
			list.add(new Candidate(parts[0], parts[0], "CRISIS_UNIT", "CTM", parts[1].equals("in"),
					Double.parseDouble(parts[3]), 1, parts[2].equals("c"), NOW, List.of(), new Point(51.5, -3.6),
					null));
		}
		list.sort(Matching.RANKING);
		assertThat(list).extracting(Candidate::provisionId).containsExactly(expected.trim().split("\\s+"));
	}

	@Test
	void a_candidate_carries_where_the_provision_is_and_its_on_call_phone() {
		Matching.Verdict verdict = Matching.judge(child(), provision((p) -> p.onCallPhone(" 01656 752752 ")), 1, 5.0,
				NOW);

		assertThat(verdict).isInstanceOfSatisfying(Matching.Fit.class, (fit) -> {
			assertThat(fit.candidate().onCallPhone()).isEqualTo("01656 752752");
			assertThat(fit.candidate().location()).isEqualTo(new Point(51.5, -3.6));
		});
		assertThat(Matching.judge(child(), provision((p) -> p.onCallPhone("  ")), 1, 5.0, NOW))
			.as("a blank phone is no phone")
			.isInstanceOfSatisfying(Matching.Fit.class, (fit) -> assertThat(fit.candidate().onCallPhone()).isNull());
	}

	@Test
	void distances_are_great_circle_km() {
		// Bridgend to Cardiff, about 29 km
		assertThat(Matching.distanceKm(51.5042, -3.5769, 51.4816, -3.1791)).isBetween(27.0, 29.0);
	}

	private static SearchCriteria at(String instant) {
		return criteria(14, Sex.FEMALE, List.of(), Instant.parse(instant), null);
	}

	static final class Builder {

		String status = "OPEN";

		String accepts = "ANY";

		List<String> needs = List.of("MH_CRISIS", "SELF_HARM");

		List<String> exclusions = List.of();

		boolean always = true;

		List<ProvisionState.Window> windows = new ArrayList<>();

		String bedType = "CRISIS";

		Instant confirmedAt = NOW.minus(Duration.ofMinutes(30));

		int staleness = 12;

		String onCallPhone;

		Builder onCallPhone(String onCallPhone) {
			this.onCallPhone = onCallPhone;
			return this;
		}

		Builder status(String status) {
			this.status = status;
			return this;
		}

		Builder accepts(String accepts) {
			this.accepts = accepts;
			return this;
		}

		Builder needs(String... needs) {
			this.needs = Arrays.asList(needs);
			return this;
		}

		Builder exclusions(String... exclusions) {
			this.exclusions = Arrays.asList(exclusions);
			return this;
		}

		Builder window(String from, String to) {
			this.always = false;
			this.windows.add(new ProvisionState.Window(LocalTime.parse(from), LocalTime.parse(to)));
			return this;
		}

		Builder bedType(String bedType) {
			this.bedType = bedType;
			return this;
		}

		Builder confirmedAt(Instant confirmedAt) {
			this.confirmedAt = confirmedAt;
			return this;
		}

		Builder staleness(int hours) {
			this.staleness = hours;
			return this;
		}

		ProvisionState build() {
			return new ProvisionState("p1", 1, "test-provider", "Unit", "CRISIS_UNIT", "CTM",
					new ProvisionState.Location(51.5, -3.6), new ProvisionState.AgeRange(11, 17), this.accepts,
					this.needs, this.exclusions, new ProvisionState.Admissions(this.always, this.windows), this.status,
					this.staleness,
					List.of(new ProvisionState.Vacancy(this.bedType, 3, 1, this.confirmedAt, this.confirmedAt)),
					this.onCallPhone);
		}

	}

}
