package cymru.noddfa.notifications;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;

class MalformedRequestTest extends ServiceTest {

	@ParameterizedTest(name = "{0} -> 400 naming {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"channel": "WEBHOOK", "url": "http://127.0.0.1:9/x"                          | body
			{"channel": "PIGEON", "url": "http://127.0.0.1:9/x"}                          | channel
			{"channel": "WEBHOOK", "eventTypes": ["BedExploded"], "url": "http://127.0.0.1:9/x"} | eventTypes[0]
			{"channel": "WEBHOOK", "eventTypes": "HoldPlaced", "url": "http://127.0.0.1:9/x"} | eventTypes
			{"channel": "WEBHOOK", "url": 42}                                             | url
			{"channel": "WEBHOOK", "url": "http://127.0.0.1:9/x", "bedType": "CRISIS"}    | bedType
			{"channel": "WEBHOOK", "url": "http://127.0.0.1:9/x", "regionCode": "ctm"}    | regionCode
			{"channel": "WEBHOOK"}                                                        | url
			{"url": "http://127.0.0.1:9/x"}                                               | channel
			{"channel": "WEBHOOK", "url": "ftp://127.0.0.1/x"}                            | url
			{"channel": "WEBHOOK", "url": "not a url"}                                    | url
			""")
	void a_malformed_subscription_is_a_400_problem_naming_the_field(String body, String field) {
		this.http.post()
			.uri("/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo(field)
			.jsonPath("$.type")
			.value((type) -> org.assertj.core.api.Assertions.assertThat(type.toString())
				.startsWith("https://noddfa.cymru/problems/"));
	}

	@ParameterizedTest(name = "{0} -> 400 naming {1}")
	@CsvSource(delimiter = '|', textBlock = """
			/v1/subscriptions/not-a-uuid  | id
			/v1/notifications             | referral
			""")
	void a_malformed_path_or_query_is_a_400_problem_naming_it(String path, String field) {
		this.http.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo(field);
	}

}
