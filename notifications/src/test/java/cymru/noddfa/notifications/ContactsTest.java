package cymru.noddfa.notifications;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;

class ContactsTest extends ServiceTest {

	@Test
	void a_contact_is_added_read_listed_by_region_and_role_and_removed() {
		String id = contact("""
				{"name": "Duty nurse", "role": "CRISIS_TEAM", "regionCode": "WWX", "rotaPosition": 2,
				 "channels": [{"channel": "SMS", "address": "+447700900123"},
				              {"channel": "EMAIL", "address": "duty@ww.example"}]}
				""");
		this.http.get()
			.uri("/v1/contacts/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.role")
			.isEqualTo("CRISIS_TEAM")
			.jsonPath("$.rotaPosition")
			.isEqualTo(2)
			.jsonPath("$.channels[0].channel")
			.isEqualTo("SMS")
			.jsonPath("$.channels[1].address")
			.isEqualTo("duty@ww.example");
		this.http.get()
			.uri("/v1/contacts?region=WWX&role=CRISIS_TEAM")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '%s')].name".formatted(id))
			.isEqualTo("Duty nurse");
		this.http.delete().uri("/v1/contacts/{id}", id).exchange().expectStatus().isNoContent();
		this.http.get()
			.uri("/v1/contacts/{id}", id)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://noddfa.cymru/problems/contact-not-found");
	}

	@ParameterizedTest(name = "{0} -> 400 naming {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
							{"name": "A", "role": "PROVIDER", "regionCode": "CTM", "channels": [{"channel": "EMAIL", "address": "a@b.example"}]} | provisionId
							{"name": "A", "role": "CHEF", "regionCode": "CTM", "channels": [{"channel": "EMAIL", "address": "a@b.example"}]}     | role
							{"name": "A", "role": "PANEL", "regionCode": "CTM", "channels": []}                                                  | channels
							{"name": "A", "role": "PANEL", "regionCode": "CTM", "channels": [{"channel": "EMAIL", "address": "not-an-email"}]}   | channels[0].address
							{"name": "A", "role": "PANEL", "regionCode": "CTM", "channels": [{"channel": "PAGER", "address": "123"}]}            | channels[0].channel
							{"name": "A", "role": "PANEL", "regionCode": "CTM", "rotaPosition": 0, "channels": [{"channel": "SMS", "address": "+447700900123"}]} | rotaPosition
							{"name": "A", "role": "PANEL", "regionCode": "CTM", "channels": [{"channel": "SMS", "address": "+447700900123"}], "nhsNumber": "1"} | nhsNumber
					{"name": "A", "role": "PANEL", "regionCode": "CTM", "channels": [{"channel": "SMS", "address": "+447700900123"}], "quietHours": {"from": "25:00", "to": "07:00"}} | quietHours.from
					{"name": "A", "role": "PANEL", "regionCode": "CTM", "channels": [{"channel": "SMS", "address": "+447700900123"}], "quietHours": {"from": "07:00", "to": "07:00"}} | quietHours.to
							""")
	void a_malformed_contact_is_a_400_problem_naming_the_field(String body, String field) {
		this.http.post()
			.uri("/v1/contacts")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo(field);
	}

	@Test
	void problems_are_told_in_welsh_to_those_who_ask_for_it() {
		this.http.get()
			.uri("/v1/contacts/{id}", "7d9e9a5e-8d58-4a43-9a57-1f9b1c1f0f00")
			.header("Accept-Language", "cy")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Dim cyswllt o'r fath");
	}

}
