package cymru.noddfa.registry;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bad request is a 4xx problem naming the field at fault, and nothing stored
 * changes: not a provision, vacancy, history row, outbox event or idempotency key.
 */
class BadInputTest extends RegistryComponentTest {

	static final String REF = "bad-input-reference";

	static final String VACANCY = "/v1/provisions/" + REF + "/vacancies/CRISIS";

	static final String VALID = """
			{"providerId": "test-provider", "name": "Bad input unit", "kind": "CRISIS_UNIT", "regionCode": "CTM",
			 "localAuthority": "Bridgend", "location": {"lat": 51.51, "lon": -3.59}, "ageRange": {"min": 11, "max": 17},
			 "needsMet": ["MH_CRISIS", "SELF_HARM"], "vacancies": [{"bedType": "CRISIS", "total": 3, "available": 1}]}
			""";

	@BeforeEach
	void referenceProvisionExists() {
		if (this.api.get("/v1/provisions/" + REF).status() == 404) {
			create(REF);
		}
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(
				// creating a provision
				bad("malformed JSON", "POST", "/v1/provisions", "{\"name\": ", 400, "body"),
				bad("empty body", "POST", "/v1/provisions", "", 400, "body"),
				bad("unknown field", "POST", "/v1/provisions", with("\"colour\": \"red\""), 400, "colour"),
				bad("wrong type", "POST", "/v1/provisions", VALID.replace("\"min\": 11", "\"min\": \"eleven\""), 400,
						"ageRange.min"),
				bad("list expected", "POST", "/v1/provisions",
						VALID.replace("[\"MH_CRISIS\", \"SELF_HARM\"]", "{\"a\": 1}"), 400, "needsMet"),
				bad("unknown kind", "POST", "/v1/provisions", VALID.replace("CRISIS_UNIT", "HOTEL"), 400, "kind"),
				bad("unknown accepts", "POST", "/v1/provisions", with("\"accepts\": \"BOTH\""), 400, "accepts"),
				bad("unknown need code", "POST", "/v1/provisions", VALID.replace("SELF_HARM", "FLYING"), 400,
						"needsMet[1]"),
				bad("unknown exclusion", "POST", "/v1/provisions", with("\"exclusions\": [\"NOPE\"]"), 400,
						"exclusions[0]"),
				bad("need met and excluded", "POST", "/v1/provisions", with("\"exclusions\": [\"SELF_HARM\"]"), 400,
						"exclusions[0]"),
				bad("no needs", "POST", "/v1/provisions", VALID.replace("[\"MH_CRISIS\", \"SELF_HARM\"]", "[]"), 400,
						"needsMet"),
				bad("needs missing", "POST", "/v1/provisions",
						VALID.replace("\"needsMet\": [\"MH_CRISIS\", \"SELF_HARM\"],", ""), 400, "needsMet"),
				bad("unknown region", "POST", "/v1/provisions", VALID.replace("\"CTM\"", "\"ZZZ\""), 400, "regionCode"),
				bad("authority of another region", "POST", "/v1/provisions", VALID.replace("Bridgend", "Cardiff"), 400,
						"localAuthority"),
				bad("age min above max", "POST", "/v1/provisions", VALID.replace("\"min\": 11", "\"min\": 18"), 400,
						"ageRange.min"),
				bad("age max too old", "POST", "/v1/provisions", VALID.replace("\"max\": 17", "\"max\": 30"), 400,
						"ageRange.max"),
				bad("latitude off the globe", "POST", "/v1/provisions", VALID.replace("51.51", "95"), 400,
						"location.lat"),
				bad("location missing", "POST", "/v1/provisions",
						VALID.replace("\"location\": {\"lat\": 51.51, \"lon\": -3.59},", ""), 400, "location"),
				bad("name missing", "POST", "/v1/provisions", VALID.replace("\"name\": \"Bad input unit\",", ""), 400,
						"name"),
				bad("name blank", "POST", "/v1/provisions", VALID.replace("Bad input unit", "  "), 400, "name"),
				bad("name too long", "POST", "/v1/provisions", VALID.replace("Bad input unit", "n".repeat(201)), 400,
						"name"),
				bad("provider not a slug", "POST", "/v1/provisions", VALID.replace("test-provider", "Test Provider"),
						400, "providerId"),
				bad("id not a slug", "POST", "/v1/provisions", with("\"id\": \"Not A Slug\""), 400, "id"),
				bad("id taken", "POST", "/v1/provisions", with("\"id\": \"" + REF + "\""), 409, "id"),
				bad("negative total", "POST", "/v1/provisions", VALID.replace("\"total\": 3", "\"total\": -1"), 400,
						"vacancies[0].total"),
				bad("more available than total", "POST", "/v1/provisions",
						VALID.replace("\"available\": 1", "\"available\": 4"), 400, "vacancies[0].available"),
				bad("bed type twice", "POST", "/v1/provisions",
						VALID.replace("\"available\": 1}]",
								"\"available\": 1}, {\"bedType\": \"CRISIS\", \"total\": 1, \"available\": 1}]"),
						400, "vacancies[1].bedType"),
				bad("unknown bed type", "POST", "/v1/provisions", VALID.replace("\"CRISIS\"", "\"SOFA\""), 400,
						"vacancies[0].bedType"),
				bad("windows with 24/7", "POST", "/v1/provisions", with(
						"\"admissions\": {\"always\": true, \"windows\": [{\"from\": \"18:00\", \"to\": \"08:00\"}]}"),
						400, "admissions.windows"),
				bad("no windows without 24/7", "POST", "/v1/provisions",
						with("\"admissions\": {\"always\": false, \"windows\": []}"), 400, "admissions.windows"),
				bad("time of day out of range", "POST", "/v1/provisions", with(
						"\"admissions\": {\"always\": false, \"windows\": [{\"from\": \"25:00\", \"to\": \"08:00\"}]}"),
						400, "admissions.windows[0].from"),
				bad("staleness window zero", "POST", "/v1/provisions", with("\"stalenessWindowHours\": 0"), 400,
						"stalenessWindowHours"),
				bad("oversized body", "POST", "/v1/provisions", with("\"postcode\": \"" + "x".repeat(70_000) + "\""),
						413, "body"),
				bad("invalid idempotency key", "POST", "/v1/provisions", VALID, 400, "Idempotency-Key",
						"Idempotency-Key", "has spaces in it"),
				// setting a vacancy
				bad("no If-Match", "PUT", VACANCY, "{\"total\": 3, \"available\": 1}", 428, "If-Match"),
				bad("If-Match not an ETag", "PUT", VACANCY, "{\"total\": 3, \"available\": 1}", 400, "If-Match",
						"If-Match", "version one"),
				bad("stale If-Match", "PUT", VACANCY, "{\"total\": 3, \"available\": 1}", 412, "If-Match", "If-Match",
						"\"99\""),
				bad("negative available", "PUT", VACANCY, "{\"total\": 3, \"available\": -1}", 400, "available",
						"If-Match", "\"1\""),
				bad("available above total", "PUT", VACANCY, "{\"total\": 3, \"available\": 5}", 400, "available",
						"If-Match", "\"1\""),
				bad("total missing", "PUT", VACANCY, "{\"available\": 1}", 400, "total", "If-Match", "\"1\""),
				bad("total absurd", "PUT", VACANCY, "{\"total\": 100000, \"available\": 1}", 400, "total", "If-Match",
						"\"1\""),
				bad("total not a number", "PUT", VACANCY, "{\"total\": [3], \"available\": 1}", 400, "total",
						"If-Match", "\"1\""),
				bad("unknown bed type in path", "PUT", "/v1/provisions/" + REF + "/vacancies/SOFA",
						"{\"total\": 3, \"available\": 1}", 400, "bedType", "If-Match", "\"1\""),
				bad("unknown provision", "PUT", "/v1/provisions/nowhere-at-all/vacancies/CRISIS",
						"{\"total\": 3, \"available\": 1}", 404, "id", "If-Match", "\"1\""),
				// replacing, confirming and status
				bad("full update without If-Match", "PUT", "/v1/provisions/" + REF, VALID, 428, "If-Match"),
				bad("full update of another id", "PUT", "/v1/provisions/" + REF, with("\"id\": \"someone-else\""), 400,
						"id", "If-Match", "\"1\""),
				bad("confirm unknown bed type", "POST", "/v1/provisions/" + REF + "/confirmations",
						"{\"bedType\": \"SOFA\"}", 400, "bedType"),
				bad("confirm a bed type it lacks", "POST", "/v1/provisions/" + REF + "/confirmations",
						"{\"bedType\": \"LONG_TERM\"}", 400, "bedType"),
				bad("pause without reason", "POST", "/v1/provisions/" + REF + "/pause", "{}", 400, "reason"),
				bad("pause reason too long", "POST", "/v1/provisions/" + REF + "/pause",
						"{\"reason\": \"" + "r".repeat(201) + "\"}", 400, "reason"),
				bad("reopen an open provision", "POST", "/v1/provisions/" + REF + "/reopen", null, 409, "status"),
				// listing
				bad("list unknown region", "GET", "/v1/provisions?region=ZZZ", null, 400, "region"),
				bad("list unknown kind", "GET", "/v1/provisions?kind=HOTEL", null, 400, "kind"),
				bad("list unknown need", "GET", "/v1/provisions?need=FLYING", null, 400, "need"),
				bad("list page size zero", "GET", "/v1/provisions?size=0", null, 400, "size"),
				bad("list page size huge", "GET", "/v1/provisions?size=100000", null, 400, "size"),
				bad("list page not a number", "GET", "/v1/provisions?page=first", null, 400, "page"),
				bad("history page negative", "GET", "/v1/provisions/" + REF + "/history?page=-1", null, 400, "page"),
				bad("history in no known order", "GET", "/v1/provisions/" + REF + "/history?order=SIDEWAYS", null, 400,
						"order"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void a_bad_request_is_a_4xx_problem_naming_the_field_and_changes_nothing(String why, String method, String path,
			String body, int status, String field, String[] headers) {
		Map<String, Object> before = snapshot();

		Api.Response response = this.api.send(method, path, body, headers);

		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("field").asString()).isEqualTo(field);
		assertThat(response.json().get("type").asString()).startsWith("https://noddfa.cymru/problems/");
		assertThat(response.json().get("title").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception", "at cymru.");
		assertThat(snapshot()).isEqualTo(before);
	}

	private Map<String, Object> snapshot() {
		return this.jdbc.sql("""
				select (select count(*) from provision) as provisions,
				       (select coalesce(sum(version), 0) from provision) as versions,
				       (select count(*) from vacancy) as vacancies,
				       (select coalesce(sum(available), 0) from vacancy) as available,
				       (select count(*) from provision_history) as history,
				       (select count(*) from outbox) as events,
				       (select count(*) from idempotency_key) as idempotency_keys
				""").query().singleRow();
	}

	private static String with(String field) {
		return VALID.replaceFirst("\\{", "{" + field + ", ");
	}

	private static Arguments bad(String why, String method, String path, String body, int status, String field,
			String... headers) {
		return Arguments.of(why, method, path, body, status, field, headers);
	}

}
