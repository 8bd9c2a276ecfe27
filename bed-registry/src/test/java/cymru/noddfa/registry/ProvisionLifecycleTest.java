package cymru.noddfa.registry;

import java.util.ArrayList;
import java.util.List;

import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisionLifecycleTest extends RegistryComponentTest {

	@Test
	void a_provision_round_trips_every_field_on_create_and_on_full_update() {
		String id = unique("every-field");
		String created = """
				{"id": "%s", "providerId": "swansea-bay", "name": "Morriston adolescent beds", "kind": "ASSESSMENT_UNIT",
				 "regionCode": "WGL", "localAuthority": "Swansea", "location": {"lat": 51.668, "lon": -3.927},
				 "postcode": "SA6 6NL", "ageRange": {"min": 12, "max": 17}, "accepts": "FEMALE",
				 "needsMet": ["MH_CRISIS", "EATING_DISORDER", "COMPLEX_HEALTH"], "exclusions": ["SUBSTANCE_MISUSE"],
				 "admissions": {"always": false, "windows": [{"from": "18:00", "to": "08:00"}, {"from": "12:00", "to": "14:00"}]},
				 "regulatorReference": "HIW-0042", "onCallPhone": "+44 1792 000000", "stalenessWindowHours": 6,
				 "vacancies": [{"bedType": "ASSESSMENT", "total": 4, "available": 2}, {"bedType": "CRISIS", "total": 1, "available": 0}]}
				"""
			.formatted(id);

		Api.Response response = this.api.post("/v1/provisions", created);

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode read = this.api.get("/v1/provisions/" + id).json();
		assertSameFields(Api.parse(created), read);
		assertThat(read.get("status").asString()).isEqualTo("OPEN");
		assertThat(read.get("statusReason").isNull()).isTrue();
		assertThat(read.get("vacancies")).extracting((v) -> v.get("bedType").asString())
			.as("in bed type order")
			.containsExactly("CRISIS", "ASSESSMENT");

		String replaced = """
				{"providerId": "swansea-bay-2", "name": "Morriston beds", "kind": "CRISIS_UNIT",
				 "regionCode": "WGL", "localAuthority": "Neath Port Talbot", "location": {"lat": 51.6, "lon": -3.8},
				 "postcode": null, "ageRange": {"min": 10, "max": 18}, "accepts": "MALE",
				 "needsMet": ["SELF_HARM"], "exclusions": [],
				 "admissions": {"always": true, "windows": []},
				 "regulatorReference": "CIW-7", "onCallPhone": "+44 1792 111111", "stalenessWindowHours": 24}
				""";
		Api.Response updated = this.api.put("/v1/provisions/" + id, replaced, "If-Match", response.etag());

		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.etag()).isEqualTo("\"2\"");
		JsonNode afterUpdate = this.api.get("/v1/provisions/" + id).json();
		assertSameFields(Api.parse(replaced), afterUpdate);
		assertThat(afterUpdate.get("vacancies")).as("vacancies kept when the update leaves them out").hasSize(2);
	}

	@Test
	void lists_filter_by_region_kind_bed_type_and_needs_and_page_by_id() {
		String provider = unique("prov");
		post(provider, "a", "CTM", "Bridgend", "CRISIS_UNIT", "[\"MH_CRISIS\", \"SELF_HARM\"]", "CRISIS");
		post(provider, "b", "CTM", "Merthyr Tydfil", "CRISIS_UNIT", "[\"MH_CRISIS\"]", "CRISIS");
		post(provider, "c", "CAV", "Cardiff", "SAFE_SPACE", "[\"MH_CRISIS\", \"SELF_HARM\"]", "SAFE_SPACE_PLACE");
		post(provider, "d", "CTM", "Bridgend", "ASSESSMENT_UNIT", "[\"TRAUMA\", \"SELF_HARM\"]", "ASSESSMENT");
		post(provider, "e", "GWE", "Newport", "CRISIS_UNIT", "[\"SELF_HARM\"]", "CRISIS");
		String all = "/v1/provisions?providerId=" + provider;

		assertThat(ids(all + "&region=CTM")).containsExactly(provider + "-a", provider + "-b", provider + "-d");
		assertThat(ids(all + "&kind=CRISIS_UNIT")).containsExactly(provider + "-a", provider + "-b", provider + "-e");
		assertThat(ids(all + "&bedType=SAFE_SPACE_PLACE")).containsExactly(provider + "-c");
		assertThat(ids(all + "&need=SELF_HARM&need=MH_CRISIS")).containsExactly(provider + "-a", provider + "-c");
		assertThat(ids(all + "&region=CTM&need=SELF_HARM&kind=CRISIS_UNIT")).containsExactly(provider + "-a");

		JsonNode first = this.api.get(all + "&size=2").json();
		assertThat(first.get("totalItems").asLong()).isEqualTo(5);
		assertThat(first.get("totalPages").asInt()).isEqualTo(3);
		assertThat(ids(all + "&size=2&page=0")).containsExactly(provider + "-a", provider + "-b");
		assertThat(ids(all + "&size=2&page=1")).containsExactly(provider + "-c", provider + "-d");
		assertThat(ids(all + "&size=2&page=2")).containsExactly(provider + "-e");
		assertThat(ids(all + "&size=2&page=3")).isEmpty();
	}

	@Test
	void a_write_touching_two_bed_types_keeps_both_vacancies_and_one_history_entry_each_in_order() {
		String id = unique("two-types");
		Api.Response created = this.api.post("/v1/provisions",
				"""
						{"id": "%s", "providerId": "test-provider", "name": "Two types", "kind": "ASSESSMENT_UNIT",
						 "regionCode": "CTM", "localAuthority": "Bridgend", "location": {"lat": 51.5, "lon": -3.6},
						 "ageRange": {"min": 11, "max": 17}, "accepts": "ANY", "needsMet": ["MH_CRISIS"], "exclusions": [],
						 "admissions": {"always": true, "windows": []}, "stalenessWindowHours": 12,
						 "vacancies": [{"bedType": "ASSESSMENT", "total": 4, "available": 2}, {"bedType": "CRISIS", "total": 1, "available": 1}]}
						"""
					.formatted(id));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String path = "/v1/provisions/" + id;

		Api.Response confirmed = this.api.post(path + "/confirmations", null);
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		Api.Response set = this.api.put(path + "/vacancies/ASSESSMENT", "{\"total\": 4, \"available\": 1}", "If-Match",
				confirmed.etag());
		assertThat(set.status()).as(set.toString()).isEqualTo(200);

		JsonNode stored = this.api.get(path).json();
		assertThat(stored.get("version").asLong()).isEqualTo(3);
		assertThat(stored.get("vacancies")).extracting(
				(v) -> v.get("bedType").asString() + " " + v.get("total").asInt() + "/" + v.get("available").asInt())
			.containsExactly("CRISIS 1/1", "ASSESSMENT 4/1");
		JsonNode items = this.api.get(path + "/history").json().get("items");
		assertThat(items)
			.extracting((item) -> item.get("version").asLong() + " " + item.get("change").asString() + " "
					+ item.get("bedType").asString())
			.as("a request's bed types in its order, a confirmation of all in bed type order")
			.containsExactly("1 CREATED ", "1 VACANCY_SET ASSESSMENT", "1 VACANCY_SET CRISIS",
					"2 VACANCY_CONFIRMED CRISIS", "2 VACANCY_CONFIRMED ASSESSMENT", "3 VACANCY_SET ASSESSMENT");
		JsonNode lastSet = items.get(5);
		assertThat(lastSet.get("before").get("available").asInt()).isEqualTo(2);
		assertThat(lastSet.get("after").get("available").asInt()).isEqualTo(1);
		assertThat(lastSet.get("reason").isNull()).isTrue();
	}

	@Test
	void pause_reopen_and_close_are_kept_in_the_history_with_who_when_before_and_after() {
		String id = unique("history");
		create(id);
		String path = "/v1/provisions/" + id;
		Caller provider = Caller.provider("test-provider");
		Api firstLead = as(identity.token(provider.as("shift-lead-1")));
		Api secondLead = as(identity.token(provider.as("shift-lead-2")));

		Api.Response paused = firstLead.post(path + "/pause", "{\"reason\": \"staffing\"}");
		assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
		assertThat(paused.json().get("status").asString()).isEqualTo("PAUSED");
		assertThat(paused.json().get("statusReason").asString()).isEqualTo("staffing");
		assertThat(firstLead.post(path + "/pause", "{\"reason\": \"again\"}").status()).isEqualTo(409);

		assertThat(secondLead.post(path + "/reopen", null).json().get("status").asString()).isEqualTo("OPEN");
		assertThat(secondLead.put(path + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 0}", "If-Match", "\"3\"")
			.status()).isEqualTo(200);
		Api.Response closed = this.api.post(path + "/close", "{\"reason\": \"decommissioned\"}", "If-Match", "\"4\"");
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		assertThat(this.api.put(path + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 3}", "If-Match", "\"5\"")
			.status()).isEqualTo(409);

		JsonNode items = this.api.get(path + "/history").json().get("items");
		List<String> changes = new ArrayList<>();
		items.forEach((item) -> changes.add(item.get("change").asString()));
		assertThat(changes).containsExactly("CREATED", "VACANCY_SET", "PAUSED", "REOPENED", "VACANCY_SET", "CLOSED");

		assertThat(items.get(0).get("actor").asString()).isEqualTo("test:admin");
		JsonNode pause = items.get(2);
		assertThat(pause.get("actor").asString()).isEqualTo("shift-lead-1");
		assertThat(items.get(3).get("actor").asString()).isEqualTo("shift-lead-2");
		assertThat(pause.get("version").asLong()).isEqualTo(2);
		assertThat(pause.get("at").asString()).isNotBlank();
		assertThat(pause.get("before").get("status").asString()).isEqualTo("OPEN");
		assertThat(pause.get("after").get("status").asString()).isEqualTo("PAUSED");
		assertThat(pause.get("after").get("reason").asString()).isEqualTo("staffing");

		JsonNode bedTaken = items.get(4);
		assertThat(bedTaken.get("bedType").asString()).isEqualTo("CRISIS");
		assertThat(bedTaken.get("before").get("available").asInt()).isEqualTo(1);
		assertThat(bedTaken.get("after").get("available").asInt()).isEqualTo(0);
		assertThat(bedTaken.get("actor").asString()).isEqualTo("shift-lead-2");
		assertThat(items.get(5).get("actor").asString()).as("closed by an admin").isEqualTo("test:admin");

		JsonNode second = this.api.get(path + "/history?page=1&size=4").json();
		assertThat(second.get("totalItems").asLong()).isEqualTo(6);
		assertThat(second.get("totalPages").asInt()).isEqualTo(2);
		assertThat(second.get("items")).extracting((item) -> item.get("change").asString())
			.containsExactly("VACANCY_SET", "CLOSED");
	}

	@Test
	void the_history_newest_first_starts_with_the_last_change_and_pages_back() {
		String id = unique("newest");
		create(id);
		String path = "/v1/provisions/" + id;
		assertThat(this.api.put(path + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 2}", "If-Match", "\"1\"")
			.status()).isEqualTo(200);
		assertThat(this.api.post(path + "/pause", "{\"reason\": \"staffing\"}").status()).isEqualTo(200);

		JsonNode first = this.api.get(path + "/history?order=NEWEST&size=2").json();
		assertThat(first.get("items")).extracting((item) -> item.get("change").asString())
			.containsExactly("PAUSED", "VACANCY_SET");
		assertThat(first.get("totalItems").asLong()).isEqualTo(4);
		JsonNode second = this.api.get(path + "/history?order=NEWEST&size=2&page=1").json();
		assertThat(second.get("items")).extracting((item) -> item.get("change").asString())
			.as("registered with its vacancies")
			.containsExactly("VACANCY_SET", "CREATED");
	}

	@Test
	void the_history_of_an_unknown_provision_is_a_404() {
		assertThat(this.api.get("/v1/provisions/" + unique("none") + "/history").status()).isEqualTo(404);
	}

	@Test
	void problems_speak_welsh_when_asked() {
		Api.Response response = this.api.get("/v1/provisions/" + unique("none"), "Accept-Language", "cy");

		assertThat(response.json().get("title").asString()).isEqualTo("Darpariaeth heb ei chanfod");
	}

	private void post(String provider, String suffix, String region, String authority, String kind, String needs,
			String bedType) {
		String body = """
				{"id": "%s-%s", "providerId": "%s", "name": "Unit %s", "kind": "%s", "regionCode": "%s",
				 "localAuthority": "%s", "location": {"lat": 51.5, "lon": -3.2}, "ageRange": {"min": 11, "max": 17},
				 "needsMet": %s, "vacancies": [{"bedType": "%s", "total": 2, "available": 1}]}
				""".formatted(provider, suffix, provider, suffix, kind, region, authority, needs, bedType);
		Api.Response response = this.api.post("/v1/provisions", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	private List<String> ids(String path) {
		Api.Response response = this.api.get(path);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().get("items").forEach((item) -> ids.add(item.get("provisionId").asString()));
		return ids;
	}

	/** Every field the request gave is in the provision as given. */
	private static void assertSameFields(JsonNode request, JsonNode provision) {
		for (String field : request.propertyNames()) {
			JsonNode expected = request.get(field);
			switch (field) {
				case "id" -> assertThat(provision.get("provisionId")).isEqualTo(expected);
				case "vacancies" -> {
					for (JsonNode vacancy : expected) {
						JsonNode stored = null;
						for (JsonNode candidate : provision.get("vacancies")) {
							if (candidate.get("bedType").equals(vacancy.get("bedType"))) {
								stored = candidate;
							}
						}
						assertThat(stored).as("vacancy " + vacancy).isNotNull();
						assertThat(stored.get("total")).isEqualTo(vacancy.get("total"));
						assertThat(stored.get("available")).isEqualTo(vacancy.get("available"));
					}
				}
				default -> assertThat(provision.get(field)).as(field).isEqualTo(expected);
			}
		}
	}

}
