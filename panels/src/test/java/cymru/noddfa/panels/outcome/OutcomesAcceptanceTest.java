package cymru.noddfa.panels.outcome;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import cymru.noddfa.panels.ReferralEvents;
import cymru.noddfa.panels.ServiceTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scripted month: 210 referrals across all seven regions from a fixed seed, published
 * to the real topic, some escalated and later agreed for joint funding by their panels.
 * The service's figures for every region and for Wales equal the ones counted again here
 * from the same generated events; the CSV exports carry the same figures, Welsh labels
 * intact, and nothing that points to a child.
 */
class OutcomesAcceptanceTest extends ServiceTest {

	static final ScriptedMonth month = new ScriptedMonth(20250301L, 210);

	static final String PERIOD = "from=" + ScriptedMonth.FROM + "&to=" + ScriptedMonth.TO;

	static boolean happened;

	/**
	 * Once per run, before the first test (not in a per-class hook: the infrastructure's
	 * addresses are set only once the class starts).
	 */
	@BeforeEach
	void theMonthHappens() {
		if (happened) {
			return;
		}
		happened = true;
		ReferralEvents.publish(month.events);
		await().atMost(Duration.ofSeconds(120))
			.until(() -> this.jdbc.sql("select count(*) from referral_events where event_id = any(?)")
				.param(month.events.stream()
					.map((e) -> java.util.UUID.fromString((String) e.get("eventId")))
					.toArray(java.util.UUID[]::new))
				.query(Integer.class)
				.single() == month.events.size());
		month.agreements.forEach((referral, agreedOn) -> {
			String caseId = awaitCase(referral);
			String region = this.jdbc.sql("select region_code from panel_cases where id = ?::uuid")
				.param(caseId)
				.query(String.class)
				.single();
			decide(region, caseId, """
					{"type": "AGREE_JOINT_FUNDING", "reasonCode": "CONTINUING_CARE_ASSESSED",
					 "localAuthoritySharePercent": 70, "healthBoardSharePercent": 30, "agreedOn": "%s",
					 "agreementReference": "JF-%s"}""".formatted(agreedOn, referral.substring(0, 8)));
		});
	}

	@Test
	void the_month_reaches_every_region_with_over_200_referrals() {
		assertThat(month.regions).hasSize(7);
		assertThat(month.events.stream().filter((e) -> "ReferralCreated".equals(e.get("type"))))
			.hasSizeGreaterThan(200);
		assertThat(month.events.stream().map((e) -> e.get("regionCode")).distinct()).hasSize(7);
		assertThat(month.agreements).isNotEmpty();
	}

	static Stream<String> regionsAndWales() {
		return Stream.concat(ScriptedMonth.regions().stream(), Stream.of("WALES"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("regionsAndWales")
	void the_figures_equal_an_independent_count_of_the_same_events(String region) {
		String query = "WALES".equals(region) ? PERIOD : "regionCode=" + region + "&" + PERIOD;
		JsonNode figures = json.readTree(as(identity.panel("POW")).get()
			.uri("/v1/outcomes?" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody());

		Map<String, Object> expected = month.expected("WALES".equals(region) ? null : region);

		assertThat((long) expected.get("referrals")).isPositive();
		for (Map.Entry<String, Object> figure : expected.entrySet()) {
			JsonNode actual = figures.get(figure.getKey());
			assertThat(actual).as(figure.getKey()).isNotNull();
			assertThat(read(actual, figure.getValue())).as(region + " " + figure.getKey()).isEqualTo(figure.getValue());
		}
	}

	@Test
	void a_replay_of_the_month_changes_no_figure() {
		String before = as(identity.admin()).get()
			.uri("/v1/outcomes?" + PERIOD)
			.exchange()
			.returnResult(String.class)
			.getResponseBody();
		ReferralEvents.publish(month.events.subList(0, 100));
		String marker = "replay-marker-" + java.util.UUID.randomUUID();
		ReferralEvents.publish(ReferralEvents.event(java.util.UUID.randomUUID(), "ReferralCreated",
				java.util.UUID.randomUUID().toString(), 1, java.time.Instant.now(), "POW",
				Map.of("bedType", "CRISIS", "needs", List.of("MH_CRISIS"), "provisionId", marker)));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("select count(*) from referral_events where provision_id = ?")
				.param(marker)
				.query(Integer.class)
				.single() == 1);

		assertThat(as(identity.admin()).get()
			.uri("/v1/outcomes?" + PERIOD)
			.exchange()
			.returnResult(String.class)
			.getResponseBody()).isEqualTo(before);
	}

	@Test
	void the_outcomes_export_carries_the_same_figures_with_welsh_labels_intact() throws IOException {
		String csv = as(identity.panel("GWE")).get()
			.uri("/v1/exports/outcomes.csv?regionCode=GWE&" + PERIOD)
			.header("Accept-Language", "cy")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.returnResult(String.class)
			.getResponseBody();

		List<CSVRecord> rows = parse(csv);
		Map<String, Object> expected = month.expected("GWE");
		Map<String, CSVRecord> byFigure = new TreeMap<>();
		rows.forEach((row) -> byFigure.put(row.get("figure"), row));
		assertThat(byFigure.get("referrals").get("value")).isEqualTo(expected.get("referrals").toString());
		assertThat(byFigure.get("referrals").get("label")).isEqualTo("Atgyfeiriadau");
		assertThat(byFigure.get("placedInRegionPercent").get("label"))
			.isEqualTo("Wedi'u lleoli yn rhanbarth y plentyn (%)");
		@SuppressWarnings("unchecked")
		Map<String, Long> declines = (Map<String, Long>) expected.get("declinesByReason");
		assertThat(declines).isNotEmpty();
		declines.forEach((reason, count) -> {
			CSVRecord row = byFigure.get("declines." + reason);
			assertThat(row.get("label")).isEqualTo("Lleoedd a wrthodwyd yn ôl rheswm: " + reason);
			assertThat(row.get("value")).isEqualTo(count.toString());
		});
		assertNothingPointsToAChild(csv);
	}

	@Test
	void the_case_timelines_export_is_anonymised_and_keeps_welsh_text() throws IOException {
		String csv = as(identity.panel("POW")).get()
			.uri("/v1/exports/case-timelines.csv?" + PERIOD)
			.header("Accept-Language", "cy")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();

		List<CSVRecord> rows = parse(csv);
		assertThat(rows).isNotEmpty();
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("regionCode")).isEqualTo("POW"));
		assertThat(rows).filteredOn((row) -> row.get("entry").equals("ReferralEscalated"))
			.allSatisfy((row) -> assertThat(row.get("label")).isEqualTo("Wedi'i uwchgyfeirio i'r panel"));
		List<CSVRecord> agreements = rows.stream()
			.filter((row) -> row.get("entry").equals("AGREE_JOINT_FUNDING"))
			.toList();
		if (month.agreements.keySet()
			.stream()
			.anyMatch((referral) -> month.events.stream()
				.anyMatch((e) -> referral.equals(e.get("referralId")) && "POW".equals(e.get("regionCode"))))) {
			assertThat(agreements).isNotEmpty()
				.allSatisfy((row) -> assertThat(row.get("label"))
					.isEqualTo("Y panel wedi cofnodi cytundeb cyllido ar y cyd â'r bwrdd iechyd"));
		}
		assertNothingPointsToAChild(csv);
	}

	private static void assertNothingPointsToAChild(String csv) {
		List<String> forbidden = new ArrayList<>();
		for (Map<String, Object> event : month.events) {
			forbidden.add((String) event.get("referralId"));
			forbidden.add((String) event.get("reference"));
		}
		forbidden.addAll(month.provisions);
		assertThat(csv).doesNotContain(forbidden.stream().distinct().toList());
		List<String> columns = List.of(csv.substring(0, csv.indexOf("\r\n")).toLowerCase().split(","));
		assertThat(columns).noneMatch((column) -> column.contains("lat") || column.contains("lon")
				|| column.contains("postcode") || column.contains("reference") || column.contains("id"));
		assertThat(csv).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
	}

	private static List<CSVRecord> parse(String csv) throws IOException {
		assertThat(csv).contains("\r\n");
		return CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv))
			.getRecords();
	}

	/** The service's JSON value as the type the independent count uses. */
	private static Object read(JsonNode actual, Object expected) {
		if (actual.isNull()) {
			return null;
		}
		if (expected instanceof Map) {
			Map<String, Long> counts = new TreeMap<>();
			actual.properties().forEach((entry) -> counts.put(entry.getKey(), entry.getValue().asLong()));
			return counts;
		}
		if (expected instanceof BigDecimal decimal) {
			BigDecimal value = actual.decimalValue();
			return (value.compareTo(decimal) == 0) ? decimal : value;
		}
		return actual.asLong();
	}

}
