package cymru.noddfa.matcher.search;

import java.time.Duration;
import java.util.Collections;

import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SearchApiTest extends MatcherComponentTest {

	private final ProvisionStates registry = new ProvisionStates();

	@AfterEach
	void close() {
		this.registry.close();
	}

	@Test
	void a_search_lists_in_region_candidates_nearest_first_then_out_of_region_ones_and_explains_exclusions()
			throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var near = ProvisionStates.provision(ProvisionStates.uniqueId("near")).at(child[0] + 0.05, child[1]);
		var far = ProvisionStates.provision(ProvisionStates.uniqueId("far")).at(child[0] + 0.2, child[1]);
		var nearestButElsewhere = ProvisionStates.provision(ProvisionStates.uniqueId("elsewhere"))
			.at(child[0] + 0.01, child[1])
			.region("GWE");
		var noLearningDisability = ProvisionStates.provision(ProvisionStates.uniqueId("no-ld"))
			.at(child[0] + 0.02, child[1])
			.needs("SELF_HARM");
		var full = ProvisionStates.provision(ProvisionStates.uniqueId("full"))
			.at(child[0] + 0.03, child[1])
			.onlyBeds("CRISIS", 2, 0);
		for (var provision : new ProvisionStates.Provision[] { near, far, nearestButElsewhere, noLearningDisability,
				full }) {
			provision.needsMet.add("LEARNING_DISABILITY");
			this.registry.publish(provision);
		}
		noLearningDisability.needs("SELF_HARM").version(2);
		this.registry.publish(noLearningDisability);

		String body = """
				{"regionCode": "CTM", "location": {"lat": %s, "lon": %s}, "age": 14, "sex": "FEMALE",
				 "needs": ["SELF_HARM", "LEARNING_DISABILITY"], "bedType": "CRISIS", "maxKm": 50}
				""".formatted(child[0], child[1]);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> this.mvc.perform(post("/v1/searches").contentType(MediaType.APPLICATION_JSON).content(body))
						.andExpect(status().isOk())
						.andExpect(jsonPath("$.candidates[*].provisionId")
							.value(contains(near.id(), far.id(), nearestButElsewhere.id())))
						.andExpect(jsonPath("$.candidates[0].inRegion").value(true))
						.andExpect(jsonPath("$.candidates[0].distanceKm").value(5.6))
						.andExpect(jsonPath("$.candidates[0].bedsFree").value(1))
						.andExpect(jsonPath("$.candidates[0].confirmed").value(true))
						.andExpect(jsonPath("$.candidates[2].inRegion").value(false))
						.andExpect(jsonPath("$.candidates[2].reasons[0].code").value("OUT_OF_REGION"))
						.andExpect(jsonPath("$.excluded", hasSize(1)))
						.andExpect(jsonPath("$.excluded[0].reason").value("NEED_NOT_MET"))
						.andExpect(jsonPath("$.excluded[0].need").value("LEARNING_DISABILITY"))
						.andExpect(jsonPath("$.excluded[0].count").value(1))
						.andExpect(
								jsonPath("$.excluded[0].message").value("1 excluded: no Learning disability support"))
						.andExpect(jsonPath("$.searchedAt").isNotEmpty()));
	}

	/**
	 * Issue 14: the registry's provision state carries the provider's on-call phone; the
	 * matcher keeps it in its read model and gives it, with where the provision is, in
	 * every search result, so a crisis team can ring the unit and see it on the map.
	 */
	@Test
	void a_provision_with_an_on_call_phone_is_found_with_that_phone_and_its_place() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var withPhone = ProvisionStates.provision(ProvisionStates.uniqueId("phone"))
			.at(child[0] + 0.01, child[1])
			.onCallPhone("01632 960123");
		var withoutPhone = ProvisionStates.provision(ProvisionStates.uniqueId("no-phone"))
			.at(child[0] + 0.02, child[1]);
		this.registry.publish(withPhone);
		this.registry.publish(withoutPhone);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc
				.perform(get("/v1/searches").param("lat", String.valueOf(child[0]))
					.param("lon", String.valueOf(child[1]))
					.param("regionCode", "CTM")
					.param("age", "14")
					.param("bedType", "CRISIS")
					.param("maxKm", "10"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.candidates[*].provisionId").value(contains(withPhone.id(), withoutPhone.id())))
				.andExpect(jsonPath("$.candidates[0].onCallPhone").value("01632 960123"))
				.andExpect(jsonPath("$.candidates[0].location.lat").value(child[0] + 0.01))
				.andExpect(jsonPath("$.candidates[0].location.lon").value(child[1]))
				.andExpect(jsonPath("$.candidates[1].onCallPhone").value(nullValue()))
				.andExpect(jsonPath("$.searchedFrom.lat").value(child[0]))
				.andExpect(jsonPath("$.searchedFrom.lon").value(child[1])));

		// a new number from the provider replaces the old one
		this.registry.publish(withPhone.version(2).onCallPhone("01632 960456"));
		String body = """
				{"regionCode": "CTM", "location": {"lat": %s, "lon": %s}, "age": 14, "bedType": "CRISIS", "maxKm": 10}
				""".formatted(child[0], child[1]);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> this.mvc.perform(post("/v1/searches").contentType(MediaType.APPLICATION_JSON).content(body))
						.andExpect(status().isOk())
						.andExpect(jsonPath("$.candidates[0].provisionId").value(withPhone.id()))
						.andExpect(jsonPath("$.candidates[0].onCallPhone").value("01632 960456")));
	}

	@Test
	void the_api_description_shows_each_candidates_place_and_on_call_phone() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.schemas.CandidateView.properties.onCallPhone.type").value("string"))
			.andExpect(jsonPath("$.components.schemas.CandidateView.properties.location").exists())
			.andExpect(jsonPath("$.components.schemas.Answer.properties.searchedFrom").exists())
			.andExpect(jsonPath("$.components.schemas.Point.properties.lat").exists());
	}

	/**
	 * Issue 14: a team may give the postcode it has; the search starts from the centre of
	 * the town its district is mapped to, no finer.
	 */
	@Test
	void a_welsh_postcode_searches_from_its_districts_town_and_an_english_one_is_an_unknown_place() throws Exception {
		var nearBridgend = ProvisionStates.provision(ProvisionStates.uniqueId("cf31")).at(51.5052, -3.5779);
		this.registry.publish(nearBridgend);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc
				.perform(get("/v1/searches").param("place", "cf31 1ab")
					.param("regionCode", "CTM")
					.param("age", "14")
					.param("bedType", "CRISIS")
					.param("maxKm", "2"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.candidates[*].provisionId").value(hasItem(nearBridgend.id())))
				.andExpect(jsonPath("$.searchedFrom.lat").value(LocationGrid.lat(51.5042)))
				.andExpect(jsonPath("$.searchedFrom.lon").value(LocationGrid.lon(-3.5769))));
		this.mvc.perform(post("/v1/searches").contentType(MediaType.APPLICATION_JSON).content("""
				{"regionCode": "CTM", "place": "SW1A 1AA", "age": 14, "bedType": "CRISIS"}
				"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(endsWith("/unknown-place")))
			.andExpect(jsonPath("$.field").value("place"));
	}

	@Test
	void the_same_search_works_as_a_get_with_a_place_name_and_speaks_welsh_when_asked() throws Exception {
		this.mvc
			.perform(get("/v1/searches").param("place", "Bridgend")
				.param("regionCode", "CTM")
				.param("age", "14")
				.param("bedType", "CRISIS")
				.param("needs", "MH_CRISIS")
				.param("maxKm", "1")
				.header("Accept-Language", "cy"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.candidates").isArray());
		this.mvc
			.perform(get("/v1/searches").param("place", "Atlantis")
				.param("regionCode", "CTM")
				.param("age", "14")
				.param("bedType", "CRISIS")
				.header("Accept-Language", "cy"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("place"))
			.andExpect(jsonPath("$.title").value("Lle anhysbys"));
	}

	@ParameterizedTest(name = "{0} -> 400 naming {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"regionCode": "CTM", "place": "Bridgend", "age": 14, "bedType": "CRISIS"            | body
					{"regionCode": "CTM", "place": "Bridgend", "age": "old", "bedType": "CRISIS"}        | age
					{"regionCode": "CTM", "place": "Bridgend", "age": 14, "bedType": "HAMMOCK"}          | bedType
					{"regionCode": "CTM", "place": "Bridgend", "age": 14, "bedType": "CRISIS", "sex": "X"} | sex
					{"regionCode": "CTM", "place": "Bridgend", "age": 14, "bedType": "CRISIS", "x": 1}   | x
					{"regionCode": "XXX", "place": "Bridgend", "age": 14, "bedType": "CRISIS"}           | regionCode
					{"regionCode": "CTM", "place": "Bridgend", "age": 14, "bedType": "CRISIS", "needs": ["MH_CRISIS", "FLYING"]} | needs[1]
					{"regionCode": "CTM", "age": 14, "bedType": "CRISIS"}                                 | location
					{"regionCode": "CTM", "location": {"lat": 95, "lon": 0}, "age": 14, "bedType": "CRISIS"} | location
					{"regionCode": "CTM", "place": "Bridgend", "age": -1, "bedType": "CRISIS"}           | age
					{"regionCode": "CTM", "place": "Bridgend", "age": 14}                                 | bedType
					{"regionCode": "CTM", "place": "Bridgend", "age": 14, "bedType": "CRISIS", "maxKm": 0} | maxKm
					{"regionCode": "CTM", "place": "Bridgend", "age": 14, "bedType": "CRISIS", "maxKm": 500.1} | maxKm
					{"regionCode": "CTM", "place": "Bridgend", "age": 26, "bedType": "CRISIS"}           | age
					{"regionCode": "CTM", "place": "Bridgend", "age": 14, "bedType": "CRISIS", "admissionAt": "tonight"} | admissionAt
					""")
	void a_malformed_search_is_a_400_problem_naming_the_field(String body, String field) throws Exception {
		this.mvc.perform(post("/v1/searches").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.type").isNotEmpty());
	}

	@ParameterizedTest(name = "maxKm={0}")
	@CsvSource({ "1e300", "501", "Infinity" })
	void an_absurd_distance_answers_a_400_naming_max_km_at_once(String maxKm) throws Exception {
		long started = System.nanoTime();
		this.mvc
			.perform(get("/v1/searches").param("place", "Bridgend")
				.param("regionCode", "CTM")
				.param("age", "14")
				.param("bedType", "CRISIS")
				.param("maxKm", maxKm))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(endsWith("/distance-too-far")))
			.andExpect(jsonPath("$.field").value("maxKm"))
			.andExpect(jsonPath("$.detail").value(containsString("500 km")));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void the_longest_allowed_distance_still_searches() throws Exception {
		this.mvc.perform(post("/v1/searches").contentType(MediaType.APPLICATION_JSON).content("""
				{"regionCode": "CTM", "place": "Bridgend", "age": 14, "bedType": "CRISIS", "maxKm": 500}
				""")).andExpect(status().isOk()).andExpect(jsonPath("$.candidates").isArray());
	}

	@Test
	void thirty_three_needs_answer_a_400_naming_needs_and_thirty_two_are_searched() throws Exception {
		String body = """
				{"regionCode": "CTM", "place": "Bridgend", "age": 14, "bedType": "CRISIS", "needs": [%s]}
				""";
		this.mvc
			.perform(post("/v1/searches").contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(String.join(",", Collections.nCopies(33, "\"MH_CRISIS\"")))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value(endsWith("/too-many-needs")))
			.andExpect(jsonPath("$.field").value("needs"));
		this.mvc
			.perform(post("/v1/searches").contentType(MediaType.APPLICATION_JSON)
				.content(body.formatted(String.join(",", Collections.nCopies(32, "\"MH_CRISIS\"")))))
			.andExpect(status().isOk());
	}

	@Test
	void a_location_that_is_not_a_number_answers_a_400_naming_location() throws Exception {
		this.mvc
			.perform(get("/v1/searches").param("lat", "NaN")
				.param("lon", "-3.2")
				.param("regionCode", "CTM")
				.param("age", "14")
				.param("bedType", "CRISIS"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("location"));
	}

	@Test
	void the_api_description_lists_the_get_search_s_query_parameters() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/v1/searches'].get.parameters[*].name").value(containsInAnyOrder("regionCode",
					"lat", "lon", "place", "age", "sex", "needs", "bedType", "admissionAt", "maxKm")))
			.andExpect(jsonPath("$.paths['/v1/searches'].get.parameters[*].in").value(everyItem(is("query"))));
	}

	@Test
	void an_unknown_bed_type_in_a_get_search_is_a_400_naming_bed_type() throws Exception {
		this.mvc
			.perform(get("/v1/searches").param("place", "Bridgend")
				.param("regionCode", "CTM")
				.param("age", "14")
				.param("bedType", "HAMMOCK"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value("bedType"));
	}

}
