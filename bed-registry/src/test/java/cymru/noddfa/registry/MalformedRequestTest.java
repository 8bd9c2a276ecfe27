package cymru.noddfa.registry;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walking skeleton's promise: malformed input is a 400 naming the field, never a 500.
 */
class MalformedRequestTest extends RegistryComponentTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			bad JSON               | {"total": 3,                         | body
			wrong type             | {"total": "three", "available": 1}   | total
			unknown field          | {"total": 3, "available": 1, "x": 1} | x
			""")
	void a_malformed_vacancy_update_is_a_400_problem_naming_the_field(String why, String body, String field) {
		String id = unique("malformed");
		create(id);

		Api.Response response = this.api.put("/v1/provisions/" + id + "/vacancies/CRISIS", body, "If-Match", "\"1\"");

		assertProblem(response, field);
	}

	@ParameterizedTest(name = "unknown bed type in {0}")
	@CsvSource(delimiter = '|', textBlock = """
			body | /v1/provisions | vacancies[0].bedType
			path | /v1/provisions/any/vacancies/SOFA | bedType
			""")
	void an_unknown_bed_type_is_a_400_problem_naming_the_field(String where, String path, String field) {
		Api.Response response = "body".equals(where)
				? this.api.post(path,
						provision(unique("sofa"), "test-provider").replace("\"bedType\": \"CRISIS\"",
								"\"bedType\": \"SOFA\""))
				: this.api.put(path, "{\"total\": 1, \"available\": 1}", "If-Match", "\"1\"");

		assertProblem(response, field);
	}

	@Test
	void an_oversized_body_sent_without_a_length_is_cut_off_with_a_413() throws Exception {
		String body = "{\"name\": \"" + "x".repeat(200_000) + "\"}";
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/provisions"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + identity.admin())
			.POST(HttpRequest.BodyPublishers
				.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
			.build();

		try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
			assertThat(Api.parse(response.body()).get("field").asString()).isEqualTo("body");
		}
	}

	private static void assertProblem(Api.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("field").asString()).isEqualTo(field);
		assertThat(response.json().get("type").asString()).startsWith("https://noddfa.cymru/problems/");
	}

}
