package cymru.noddfa.kit;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = MalformedRequestProblemsTest.EchoController.class)
@Import({ MalformedRequestProblemsTest.EchoController.class, MalformedRequestProblemsTest.EchoProblems.class,
		RequestIdFilter.class, AlwaysFormattedMessages.class })
class MalformedRequestProblemsTest {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest(name = "{0} -> field {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{"count": 1, "colour": "RED"                 | body
			{"count": "many", "colour": "RED"}           | count
			{"count": 1, "colour": "PURPLE"}             | colour
			{"count": 1, "colour": "RED", "extra": 1}    | extra
			{"count": -1, "colour": "RED"}               | count
			{"count": 1, "colour": "RED", "items": [1, "x"]} | items[1]
			""")
	void bad_input_is_a_400_problem_naming_the_field(String body, String field) throws Exception {
		this.mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.type").isNotEmpty())
			.andExpect(jsonPath("$.title").isNotEmpty());
	}

	@ParameterizedTest
	@CsvSource({ "abc, 400", "5, 200" })
	void a_query_parameter_of_the_wrong_type_is_a_400_problem(String limit, int expected) throws Exception {
		this.mvc
			.perform(post("/echo").param("limit", limit)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"count\": 1, \"colour\": \"RED\"}"))
			.andExpect(status().is(expected));
	}

	@org.junit.jupiter.api.Test
	void an_unforeseen_failure_is_a_500_problem_without_a_stack_trace() throws Exception {
		this.mvc.perform(post("/boom"))
			.andExpect(status().isInternalServerError())
			.andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "internal-error"))
			.andExpect(jsonPath("$.trace").doesNotExist())
			.andExpect(header().exists(RequestIdFilter.HEADER));
	}

	@org.junit.jupiter.api.Test
	void welsh_apostrophes_show_once_in_titles_without_arguments() throws Exception {
		this.mvc
			.perform(post("/echo").header("Accept-Language", "cy")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"count\": 1,"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Cais wedi'i gamffurfio"));
	}

	enum Colour {

		RED, GREEN

	}

	record Echo(@Min(0) int count, Colour colour, List<Integer> items) {
	}

	@RestController
	static class EchoController {

		@PostMapping("/echo")
		Echo echo(@Valid @RequestBody Echo echo, @RequestParam(defaultValue = "1") int limit) {
			return echo;
		}

		@PostMapping("/boom")
		void boom() {
			throw new IllegalStateException("secret internals");
		}

	}

	@RestControllerAdvice
	static class EchoProblems extends MalformedRequestProblems {

		EchoProblems(MessageSource messages) {
			super(messages);
		}

	}

	@SpringBootApplication
	static class App {

	}

}
