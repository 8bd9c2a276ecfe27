package cymru.noddfa.matcher.referral;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import cymru.noddfa.matcher.ReferralEvents;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A team that refers a child "at home" with the exact coordinates of the home: from then
 * on the matcher has only the point of the 1 km grid nearest to it.
 */
class ChildLocationTest extends MatcherComponentTest {

	private final ProvisionStates registry = new ProvisionStates();

	private final ReferralEvents events = new ReferralEvents();

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void close() {
		this.registry.close();
		this.events.close();
	}

	@Test
	void a_precise_home_location_is_stored_shown_ranked_and_published_only_as_the_grid_point_near_it()
			throws Exception {
		double[] node = ProvisionStates.somewhereApart();
		// about half a km from the grid node: closer to it than to any other node
		double lat = node[0] + 0.004137;
		double lon = node[1] + 0.006291;
		// 5.6 km north of the grid node, 5.1 km from the home itself
		var unit = ProvisionStates.provision(ProvisionStates.uniqueId("coarse")).at(node[0] + 0.05, node[1]);
		this.registry.publish(unit);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", unit.id()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.beds[?(@.bedType == 'CRISIS')].free").value(1)));

		this.mvc.perform(post("/v1/searches").contentType(MediaType.APPLICATION_JSON).content("""
				{"regionCode": "CTM", "location": {"lat": %s, "lon": %s}, "age": 14, "bedType": "CRISIS", "maxKm": 60}
				""".formatted(lat, lon)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.candidates[0].provisionId").value(unit.id()))
			.andExpect(jsonPath("$.candidates[0].distanceKm").value(5.6));

		Caller team = crisisTeam("CTM");
		String id = JsonPath
			.read(this.mvc.perform(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON).content("""
					{"reference": "CTM-0611", "regionCode": "CTM", "age": 14, "sex": "FEMALE", "needs": ["MH_CRISIS"],
					 "currentSetting": "HOME", "location": {"lat": %s, "lon": %s}, "bedType": "CRISIS", "maxKm": 60}
					""".formatted(lat, lon)).with(as(team)))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.location.lat").value(node[0]))
				.andExpect(jsonPath("$.location.lon").value(node[1]))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.id");

		Map<String, Object> stored = this.jdbc.sql("select lat, lon from referrals where id = ?::uuid")
			.param(id)
			.query()
			.singleRow();
		assertThat(stored).containsEntry("lat", node[0]).containsEntry("lon", node[1]);
		this.mvc.perform(get("/v1/referrals/{id}", id).with(as(team)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.location.lat").value(node[0]))
			.andExpect(jsonPath("$.location.lon").value(node[1]));
		this.mvc.perform(get("/v1/referrals").with(as(team)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].location.lat").value(node[0]))
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].location.lon").value(node[1]));

		this.mvc.perform(post("/v1/referrals/{id}/holds", id).with(as(team)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.distanceKm").value(5.6));

		List<ConsumerRecord<String, String>> published = this.events.await(id, 2);
		assertThat(published).extracting(ConsumerRecord::value).allSatisfy((event) -> {
			assertThat(event).doesNotContain("\"lat\"", "\"lon\"", "location", String.valueOf(lat),
					String.valueOf(lon));
		});
		assertThat(published.get(1).value()).contains("\"type\":\"HoldPlaced\"", "\"distanceKm\":5.6");
	}

}
