package cymru.noddfa.panels;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bad input is a 4xx problem naming the field at fault, and nothing is written: no
 * decision, no event.
 */
class BadInputTest extends ServiceTest {

	static final String OPEN_UNIT = "bad-input-open-" + UUID.randomUUID();

	static final String CLOSED_UNIT = "bad-input-closed-" + UUID.randomUUID();

	static String caseId;

	@BeforeEach
	void aCaseAndTwoProvisions() {
		if (caseId != null) {
			return;
		}
		ReferralEvents.provisionState(OPEN_UNIT, 1, "CAV", "OPEN", "ASSESSMENT");
		ReferralEvents.provisionState(CLOSED_UNIT, 3, "CAV", "CLOSED", "ASSESSMENT");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from provisions where provision_id in (?, ?)")
				.params(OPEN_UNIT, CLOSED_UNIT)
				.query(Integer.class)
				.single() == 2);
		caseId = awaitCase(escalatedReferral("CTM"));
	}

	@ParameterizedTest(name = "{0} -> {1} naming {2}")
	@CsvSource(delimiter = '|',
			textBlock = """
					shares not summing to 100 | 400 | healthBoardSharePercent | {"type": "AGREE_JOINT_FUNDING", "reasonCode": "CONTINUING_CARE_ASSESSED", "localAuthoritySharePercent": 60, "healthBoardSharePercent": 30, "agreedOn": "2026-11-20", "agreementReference": "JF-1"}
					a negative share | 400 | localAuthoritySharePercent | {"type": "AGREE_JOINT_FUNDING", "reasonCode": "CONTINUING_CARE_ASSESSED", "localAuthoritySharePercent": -10, "healthBoardSharePercent": 110, "agreedOn": "2026-11-20", "agreementReference": "JF-1"}
					a fractional share | 400 | localAuthoritySharePercent | {"type": "AGREE_JOINT_FUNDING", "reasonCode": "CONTINUING_CARE_ASSESSED", "localAuthoritySharePercent": 50.5, "healthBoardSharePercent": 49.5, "agreedOn": "2026-11-20", "agreementReference": "JF-1"}
					a missing share | 400 | healthBoardSharePercent | {"type": "AGREE_JOINT_FUNDING", "reasonCode": "CONTINUING_CARE_ASSESSED", "localAuthoritySharePercent": 100, "agreedOn": "2026-11-20", "agreementReference": "JF-1"}
					funding without its date | 400 | agreedOn | {"type": "AGREE_JOINT_FUNDING", "reasonCode": "CONTINUING_CARE_ASSESSED", "localAuthoritySharePercent": 50, "healthBoardSharePercent": 50, "agreementReference": "JF-1"}
					an unknown decision code | 400 | type | {"type": "POSTPONE", "reasonCode": "CHILD_PLACED"}
					an unknown reason code | 400 | reasonCode | {"type": "CLOSE", "reasonCode": "BORED"}
					a reason of another decision | 400 | reasonCode | {"type": "CLOSE", "reasonCode": "NO_SUITABLE_BED_IN_REGION"}
					no reason | 400 | reasonCode | {"type": "CLOSE"}
					an approval of no provision | 400 | provisionId | {"type": "APPROVE_OUT_OF_REGION", "reasonCode": "NO_SUITABLE_BED_IN_REGION"}
					an approval of an unknown provision | 400 | provisionId | {"type": "APPROVE_OUT_OF_REGION", "reasonCode": "NO_SUITABLE_BED_IN_REGION", "provisionId": "nowhere-at-all"}
					an approval of a closed provision | 400 | provisionId | {"type": "APPROVE_OUT_OF_REGION", "reasonCode": "NO_SUITABLE_BED_IN_REGION", "provisionId": "%closed%"}
					shares on an approval | 400 | localAuthoritySharePercent | {"type": "APPROVE_OUT_OF_REGION", "reasonCode": "NO_SUITABLE_BED_IN_REGION", "provisionId": "%open%", "localAuthoritySharePercent": 50}
					a request with no addressee | 400 | informationFrom | {"type": "REQUEST_INFORMATION", "reasonCode": "ASSESSMENT_NEEDED", "informationBy": "2026-12-01"}
					superseding a decision of no case | 400 | supersedes | {"type": "CLOSE", "reasonCode": "NO_LONGER_NEEDED", "supersedes": "6f1c2a52-8c1e-4d6b-9a55-0f7d3a1b2c3d"}
					an unknown field | 400 | comment | {"type": "CLOSE", "reasonCode": "NO_LONGER_NEEDED", "comment": "free text"}
					""")
	void a_bad_decision_is_refused_naming_the_field_and_nothing_is_written(String what, int status, String field,
			String body) {
		String filled = body.replace("%closed%", CLOSED_UNIT).replace("%open%", OPEN_UNIT);
		int before = written();

		JsonNode problem = problem(as(identity.panel("CTM")), caseId, filled, status);

		assertThat(problem.get("field").asString()).as(what).isEqualTo(field);
		assertThat(problem.get("type").asString()).startsWith("https://noddfa.cymru/problems/");
		assertThat(written()).as("decisions and events written").isEqualTo(before);
	}

	@Test
	void a_panel_of_another_region_is_refused_and_nothing_is_written() {
		int before = written();

		JsonNode problem = problem(as(identity.panel("GWE")), caseId,
				"{\"type\": \"CLOSE\", \"reasonCode\": \"NO_LONGER_NEEDED\"}", 403);

		assertThat(problem.get("field").asString()).isEqualTo("id");
		assertThat(written()).isEqualTo(before);
	}

	@Test
	void a_decision_on_a_closed_case_is_refused() {
		String closing = awaitCase(escalatedReferral("CTM"));
		decide("CTM", closing, "{\"type\": \"CLOSE\", \"reasonCode\": \"NO_LONGER_NEEDED\"}");
		int before = written();

		JsonNode problem = problem(as(identity.panel("CTM")), closing, """
				{"type": "REQUEST_INFORMATION", "reasonCode": "ASSESSMENT_NEEDED", "informationFrom": "HEALTH_BOARD",
				 "informationBy": "2026-12-01"}""", 409);

		assertThat(problem.get("type").asString()).isEqualTo("https://noddfa.cymru/problems/case-closed");
		assertThat(written()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					an end before its start | /v1/outcomes?from=2026-03-01&to=2026-02-01 | to
					a period over five years | /v1/outcomes?from=2020-01-01&to=2025-01-02 | to
					no start | /v1/outcomes?to=2025-01-02 | from
					a start that is no date | /v1/outcomes?from=yesterday&to=2025-01-02 | from
					an unknown region | /v1/outcomes?regionCode=narnia&from=2025-01-01&to=2025-01-02 | regionCode
					an export over five years | /v1/exports/outcomes.csv?from=2020-01-01&to=2025-01-02 | to
					a timelines export ending before it starts | /v1/exports/case-timelines.csv?from=2026-03-01&to=2026-02-01 | to
					""")
	void a_bad_period_is_refused_naming_the_field(String what, String path, String field) {
		String body = as(identity.panel("CTM")).get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.returnResult(String.class)
			.getResponseBody();

		assertThat(json.readTree(body).get("field").asString()).as(what).isEqualTo(field);
	}

	@Test
	void a_five_year_period_exactly_is_accepted() {
		as(identity.panel("CTM")).get()
			.uri("/v1/outcomes?from=2020-01-01&to=2025-01-01")
			.exchange()
			.expectStatus()
			.isOk();
	}

	private JsonNode problem(org.springframework.test.web.servlet.client.RestTestClient client, String caseId,
			String body, int status) {
		String answer = client.post()
			.uri("/v1/cases/{id}/decisions", caseId)
			.header("Content-Type", "application/json")
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith("application/problem+json")
			.returnResult(String.class)
			.getResponseBody();
		return json.readTree(answer);
	}

	private int written() {
		return this.jdbc.sql("select (select count(*) from decisions) + (select count(*) from outbox)")
			.query(Integer.class)
			.single();
	}

}
