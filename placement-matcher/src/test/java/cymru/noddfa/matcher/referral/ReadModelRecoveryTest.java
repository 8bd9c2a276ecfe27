package cymru.noddfa.matcher.referral;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 5 point 5: Redis is a cache; losing it loses neither a hold nor a right answer.
 */
class ReadModelRecoveryTest extends MatcherComponentTest {

	private final ProvisionStates registry = new ProvisionStates();

	@AfterEach
	void close() {
		this.registry.close();
	}

	@Test
	void after_redis_is_emptied_searches_answer_503_until_the_rebuild_and_then_the_same_as_before() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var held = ProvisionStates.provision(ProvisionStates.uniqueId("held"))
			.at(child[0] + 0.02, child[1])
			.onlyBeds("CRISIS", 3, 2);
		var other = ProvisionStates.provision(ProvisionStates.uniqueId("other"))
			.at(child[0] + 0.04, child[1])
			.region("GWE");
		this.registry.publish(held);
		this.registry.publish(other);
		awaitCandidates(child, 2);
		String referral = JsonPath.read(this.mvc
			.perform(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON)
				.content(ReferralsTest.referral(child, "CTM", "CTM-0505")))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		this.mvc.perform(post("/v1/referrals/{id}/holds", referral))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.provisionId").value(held.id()));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(candidates(search(child))).contains(Map.of("id", held.id(), "free", 1)));
		List<Map<String, Object>> before = candidates(search(child));

		try (Jedis jedis = new Jedis(System.getProperty("spring.data.redis.host"),
				Integer.parseInt(System.getProperty("spring.data.redis.port")))) {
			jedis.flushAll();
		}
		this.mvc.perform(searchRequest(child))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.type").value("https://noddfa.cymru/problems/read-model-unavailable"));

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.mvc.perform(searchRequest(child)).andReturn().getResponse().getStatus() == 200);
		assertThat(candidates(search(child))).isEqualTo(before);
		this.mvc.perform(get("/v1/availability/{id}", held.id()))
			.andExpect(jsonPath("$.beds[0].available").value(2))
			.andExpect(jsonPath("$.beds[0].held").value(1))
			.andExpect(jsonPath("$.beds[0].free").value(1));
	}

	@Test
	void a_rebuild_on_demand_keeps_answers_the_same() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var unit = ProvisionStates.provision(ProvisionStates.uniqueId("rebuilt")).at(child[0] + 0.02, child[1]);
		this.registry.publish(unit);
		awaitCandidates(child, 1);
		List<Map<String, Object>> before = candidates(search(child));

		this.mvc.perform(post("/admin/read-model/rebuild").with(as(Caller.admin()))).andExpect(status().isAccepted());

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(candidates(search(child))).isEqualTo(before));
	}

	private void awaitCandidates(double[] child, int count) {
		await().atMost(Duration.ofSeconds(20)).until(() -> candidates(search(child)).size() == count);
	}

	private MvcResult search(double[] child) throws Exception {
		return this.mvc.perform(searchRequest(child)).andExpect(status().isOk()).andReturn();
	}

	private static org.springframework.test.web.servlet.RequestBuilder searchRequest(double[] child) {
		return get("/v1/searches").param("lat", String.valueOf(child[0]))
			.param("lon", String.valueOf(child[1]))
			.param("regionCode", "CTM")
			.param("age", "14")
			.param("bedType", "CRISIS")
			.param("maxKm", "30");
	}

	private static List<Map<String, Object>> candidates(MvcResult result) throws Exception {
		List<Map<String, Object>> candidates = JsonPath.read(result.getResponse().getContentAsString(), "$.candidates");
		return candidates.stream()
			.map((c) -> Map.<String, Object>of("id", c.get("provisionId"), "free", c.get("bedsFree")))
			.toList();
	}

}
