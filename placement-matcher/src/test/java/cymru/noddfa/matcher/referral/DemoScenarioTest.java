package cymru.noddfa.matcher.referral;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 5 point 1, on the Welsh demo provisions as the registry would publish them. */
class DemoScenarioTest extends MatcherComponentTest {

	private final ProvisionStates registry = new ProvisionStates();

	@BeforeEach
	void demoProvisions() throws Exception {
		List<String> ids = new ArrayList<>();
		try (BufferedReader csv = new BufferedReader(new InputStreamReader(
				getClass().getResourceAsStream("/demo-provisions.csv"), StandardCharsets.UTF_8))) {
			csv.readLine();
			String[] bedTypes = { "CRISIS", "ASSESSMENT", "SHORT_TERM", "LONG_TERM", "SAFE_SPACE_PLACE" };
			for (String line = csv.readLine(); line != null; line = csv.readLine()) {
				String[] f = line.split(",");
				var provision = ProvisionStates.provision(f[0]).at(Double.parseDouble(f[7]), Double.parseDouble(f[8]));
				provision.name = f[1];
				provision.kind = f[3];
				provision.regionCode = f[4];
				provision.minAge = Integer.parseInt(f[9]);
				provision.maxAge = Integer.parseInt(f[10]);
				provision.accepts = f[11];
				provision.needs(f[12].split(";"));
				if (!"24/7".equals(f[13])) {
					String[] window = f[13].split("-");
					provision.window(window[0], window[1]);
				}
				provision.beds.clear();
				for (int b = 0; b < bedTypes.length; b++) {
					int beds = Integer.parseInt(f[14 + b]);
					if (beds > 0) {
						provision.beds(bedTypes[b], beds, beds);
					}
				}
				provision.version(System.currentTimeMillis());
				this.registry.publish(provision);
				ids.add(provision.id());
			}
		}
		for (String id : ids) {
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", id)).andExpect(status().isOk()));
		}
	}

	@AfterEach
	void close() {
		this.registry.close();
	}

	@Test
	void a_fourteen_year_old_in_bridgend_in_crisis_tonight_gets_the_bridgend_hub_first() throws Exception {
		this.mvc.perform(post("/v1/searches").contentType(MediaType.APPLICATION_JSON).content("""
				{"regionCode": "CTM", "place": "Bridgend", "age": 14, "sex": "MALE",
				 "needs": ["MH_CRISIS", "NEURODEVELOPMENTAL"], "bedType": "CRISIS",
				 "admissionAt": "2026-11-23T23:30:00Z"}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.candidates[0].provisionId").value("bridgend-hub"))
			.andExpect(jsonPath("$.candidates[0].inRegion").value(true))
			// from Bridgend's node of the location grid (51.50, -3.57), about 0.7 km from
			// its centre
			.andExpect(jsonPath("$.candidates[0].distanceKm").value(1.8))
			.andExpect(jsonPath("$.excluded[?(@.reason == 'NEED_NOT_MET')].need").value(hasItem("NEURODEVELOPMENTAL")));
	}

	@Test
	void a_fifteen_year_old_in_powys_is_escalated_with_out_of_region_options_nearest_first() throws Exception {
		String body = JsonPath
			.read(this.mvc
				.perform(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON)
					.content(
							"""
									{"reference": "POW-0001", "regionCode": "POW", "age": 15, "sex": "FEMALE", "needs": ["MH_CRISIS"],
									 "currentSetting": "A_AND_E", "place": "Llandrindod Wells", "bedType": "CRISIS"}
									""")
					.with(as(crisisTeam("POW"))))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.status").value("ESCALATED"))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");
		String referral = this.mvc.perform(get("/v1/referrals/{id}", body).with(as(crisisTeam("POW"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Double> distances = JsonPath.read(referral, "$.outOfRegionOptions[*].distanceKm");
		List<String> regions = JsonPath.read(referral, "$.outOfRegionOptions[*].regionCode");
		assertThat(distances).hasSizeGreaterThanOrEqualTo(3).isSorted();
		assertThat(regions).doesNotContain("POW");
		assertThat((List<String>) JsonPath.read(referral, "$.outOfRegionOptions[*].provisionId"))
			.contains("bridgend-hub", "gwent-crisis", "nwales-east-crisis", "morriston-adolescent");
	}

	@Test
	void a_child_needing_learning_disability_support_is_never_offered_a_unit_without_it_and_is_told_why()
			throws Exception {
		this.mvc.perform(post("/v1/searches").contentType(MediaType.APPLICATION_JSON).content("""
				{"regionCode": "CTM", "place": "Bridgend", "age": 14, "sex": "FEMALE",
				 "needs": ["LEARNING_DISABILITY"], "bedType": "ASSESSMENT", "admissionAt": "2026-11-24T12:00:00Z"}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.candidates[*].provisionId").value(not(hasItem("bridgend-hub"))))
			.andExpect(jsonPath("$.candidates[*].provisionId").value(hasItem("nwales-assess")))
			.andExpect(jsonPath("$.candidates[*].provisionId").value(hasItem("pembs-oa")))
			.andExpect(jsonPath("$.candidates[*].inRegion").value(not(hasItem(true))))
			.andExpect(jsonPath("$.excluded[0].reason").value("NEED_NOT_MET"))
			.andExpect(jsonPath("$.excluded[0].need").value("LEARNING_DISABILITY"))
			.andExpect(jsonPath("$.excluded[0].count").value(4))
			.andExpect(jsonPath("$.excluded[0].message").value("4 excluded: no Learning disability support"));
	}

}
