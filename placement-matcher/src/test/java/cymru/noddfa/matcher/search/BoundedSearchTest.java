package cymru.noddfa.matcher.search;

import java.time.Duration;
import java.util.Collections;

import cymru.noddfa.matcher.MatcherComponentTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class BoundedSearchTest extends MatcherComponentTest {

	@Test
	void an_absurd_distance_is_a_quick_400_naming_max_km() throws Exception {
		long started = System.nanoTime();
		this.mvc
			.perform(get("/v1/searches").param("place", "Bridgend")
				.param("regionCode", "CTM")
				.param("age", "14")
				.param("bedType", "CRISIS")
				.param("maxKm", "1e300"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("maxKm"))
			.andExpect(jsonPath("$.type").value("https://noddfa.cymru/problems/distance-too-far"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void a_thousand_needs_is_a_400_naming_needs() throws Exception {
		String needs = String.join(",", Collections.nCopies(1000, "\"MH_CRISIS\""));
		this.mvc.perform(post("/v1/searches").contentType(MediaType.APPLICATION_JSON).content("""
				{"regionCode": "CTM", "place": "Bridgend", "age": 14, "bedType": "CRISIS", "needs": [%s]}
				""".formatted(needs))).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("needs"));
	}

	@Test
	void every_search_answer_names_the_engine_that_answered() throws Exception {
		this.mvc
			.perform(get("/v1/searches").param("place", "Bridgend")
				.param("regionCode", "CTM")
				.param("age", "14")
				.param("bedType", "CRISIS"))
			.andExpect(header().string("Noddfa-Search-Engine", "index"));
	}

}
