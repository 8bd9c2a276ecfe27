package cymru.noddfa.matcher.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cymru.noddfa.matcher.availability.BedType;
import org.junit.jupiter.api.Test;

import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The resolver against Spring's own {@code @RequestParam(required = false)} on the same
 * parameters, with the same conversion service: random queries, many of them malformed,
 * must give the same search or fail naming the same parameter.
 */
class SearchQueryParametersTest {

	private static final List<String> NAMES = List.of("regionCode", "lat", "lon", "place", "age", "sex", "needs",
			"bedType", "admissionAt", "maxKm");

	private static final List<String> VALUES = List.of("", " ", "14", " 14 ", "-3", "0x10", "1e3", "2.5", "NaN",
			"Infinity", "-Infinity", "abc", "CTM", "Bridgend", "cf31 1ab", "CRISIS", "crisis", " CRISIS ", "ASSESSMENT",
			"FEMALE", "MALE", "X", "MH_CRISIS", "MH_CRISIS,LD", "MH_CRISIS, LD ", ",", "2026-12-01T22:00:00Z",
			"2026-12-01T22:00:00+01:00", "1764626400000", "tonight", "99999999999999999999", "51.48", "-3.18");

	private final Random random = new Random(2026);

	private final DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();

	private final Captured captured = new Captured();

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(this.captured)
		.setConversionService(this.conversions)
		.setCustomArgumentResolvers(new SearchQueryParameters(() -> this.conversions))
		.build();

	@Test
	void a_query_reads_as_spring_reads_each_request_parameter() throws Exception {
		int malformed = 0;
		for (int i = 0; i < 3_000; i++) {
			List<String[]> query = randomQuery();

			Outcome springs = run("/spring", query);
			Outcome ours = run("/ours", query);

			assertThat(ours).as("query %s", describe(query)).isEqualTo(springs);
			malformed += (springs.input() == null) ? 1 : 0;
		}
		// both kinds were tried, many times
		assertThat(malformed).isBetween(300, 2_700);
	}

	@Test
	void a_whole_search_reads_into_every_field() throws Exception {
		Outcome outcome = run("/ours",
				List.of(new String[] { "regionCode", "CTM" }, new String[] { "lat", "51.48" },
						new String[] { "lon", "-3.18" }, new String[] { "place", "Bridgend" },
						new String[] { "age", "14" }, new String[] { "sex", "FEMALE" },
						new String[] { "needs", "MH_CRISIS,LD" }, new String[] { "bedType", "CRISIS" },
						new String[] { "admissionAt", "2026-12-01T22:00:00Z" }, new String[] { "maxKm", "25" }));

		assertThat(outcome.input()).isEqualTo(new SearchInput("CTM", 51.48, -3.18, "Bridgend", 14, Sex.FEMALE,
				List.of("MH_CRISIS", "LD"), BedType.CRISIS, Instant.parse("2026-12-01T22:00:00Z"), 25.0));
	}

	private Outcome run(String path, List<String[]> query) throws Exception {
		this.captured.input = null;
		MockHttpServletRequestBuilder request = get(path);
		for (String[] parameter : query) {
			request.param(parameter[0], parameter[1]);
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		return new Outcome(this.captured.input, response.getStatus(), response.getContentAsString());
	}

	private List<String[]> randomQuery() {
		List<String[]> query = new ArrayList<>();
		int parameters = this.random.nextInt(8);
		for (int i = 0; i < parameters; i++) {
			query.add(new String[] { NAMES.get(this.random.nextInt(NAMES.size())),
					VALUES.get(this.random.nextInt(VALUES.size())) });
		}
		return query;
	}

	private static String describe(List<String[]> query) {
		return query.stream().map((p) -> p[0] + "=" + p[1]).toList().toString();
	}

	/** What the search saw, or the status and the parameter named by the failure. */
	record Outcome(SearchInput input, int status, String failedParameter) {
	}

	@RestController
	static class Captured {

		SearchInput input;

		@GetMapping("/spring")
		ResponseEntity<Void> spring(@RequestParam(required = false) String regionCode,
				@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
				@RequestParam(required = false) String place, @RequestParam(required = false) Integer age,
				@RequestParam(required = false) Sex sex, @RequestParam(required = false) List<String> needs,
				@RequestParam(required = false) BedType bedType, @RequestParam(required = false) Instant admissionAt,
				@RequestParam(required = false) Double maxKm) {
			this.input = new SearchInput(regionCode, lat, lon, place, age, sex, needs, bedType, admissionAt, maxKm);
			return ResponseEntity.ok().build();
		}

		@GetMapping("/ours")
		ResponseEntity<Void> ours(SearchInput query) {
			this.input = query;
			return ResponseEntity.ok().build();
		}

		@ExceptionHandler(MethodArgumentTypeMismatchException.class)
		ResponseEntity<String> mismatch(MethodArgumentTypeMismatchException ex) {
			return ResponseEntity.badRequest().body(ex.getName());
		}

	}

}
