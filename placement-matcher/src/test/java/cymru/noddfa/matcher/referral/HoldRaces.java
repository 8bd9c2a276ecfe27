package cymru.noddfa.matcher.referral;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import com.jayway.jsonpath.JsonPath;
import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Many teams holding at once, each for its own referral: the races of DESIGN §7. */
abstract class HoldRaces extends MatcherComponentTest {

	final ProvisionStates registry = new ProvisionStates();

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void close() {
		this.registry.close();
	}

	/**
	 * Races {@code attempts} holds, each for its own referral and team, on
	 * {@code provisions} provisions with {@code beds} free each; asserts exactly
	 * {@code provisions × beds} succeed and every ledger row is exactly full.
	 */
	void race(int provisions, int beds, int attempts, Function<Integer, MockMvc> instance) throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		List<String> ids = new ArrayList<>();
		for (int p = 0; p < provisions; p++) {
			var unit = ProvisionStates.provision(ProvisionStates.uniqueId("race"))
				.at(child[0] + 0.01 * (p + 1), child[1])
				.onlyBeds("CRISIS", beds, beds);
			this.registry.publish(unit);
			ids.add(unit.id());
		}
		for (String id : ids) {
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", id))
					.andExpect(jsonPath("$.beds[0].free").value(beds)));
		}
		List<String> referrals = createReferrals(child, attempts);

		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> outcomes = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < attempts; i++) {
				String referral = referrals.get(i);
				String provision = ids.get(i % provisions);
				MockMvc mvc = instance.apply(i);
				outcomes.add(executor.submit(() -> {
					start.await();
					int status = 0;
					// a team's client retries a 503 (every database connection busy,
					// nothing changed) as its Retry-After says
					for (int attempt = 0; attempt < 20 && (status == 0 || status == 503); attempt++) {
						status = mvc
							.perform(post("/v1/referrals/{id}/holds", referral).contentType(MediaType.APPLICATION_JSON)
								.content("{\"provisionId\": \"" + provision + "\"}"))
							.andReturn()
							.getResponse()
							.getStatus();
					}
					return status;
				}));
			}
			start.countDown();
		}
		Map<Integer, Long> statuses = new java.util.TreeMap<>();
		for (Future<Integer> outcome : outcomes) {
			statuses.merge(outcome.get(), 1L, Long::sum);
		}
		assertThat(statuses).containsOnlyKeys(201, 409).containsEntry(201, (long) provisions * beds);
		for (String id : ids) {
			assertThat(this.jdbc.sql("select held from bed_ledger where provision_id = ? and bed_type = 'CRISIS'")
				.param(id)
				.query(Integer.class)
				.single()).isEqualTo(beds);
			assertThat(this.jdbc.sql("select count(*) from holds where provision_id = ? and status = 'ACTIVE'")
				.param(id)
				.query(Integer.class)
				.single()).isEqualTo(beds);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", id))
					.andExpect(jsonPath("$.beds[0].held").value(beds))
					.andExpect(jsonPath("$.beds[0].free").value(0)));
		}
	}

	List<String> createReferrals(double[] child, int count) throws Exception {
		List<Future<String>> created = new ArrayList<>();
		// teams of three referrals each: every referral may win its race without its
		// team reaching the hold cap (three in these tests)
		List<String> teams = new ArrayList<>();
		for (int i = 0; i < count; i += 3) {
			teams.add(ProvisionStates.uniqueId("team"));
		}
		try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
			for (int i = 0; i < count; i++) {
				String team = teams.get(i / 3);
				String body = ReferralsTest.referral(child, "CTM", "RACE-" + (1000 + i) % 10000);
				created.add(executor.submit(() -> JsonPath.read(this.mvc
					.perform(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON)
						.content(body)
						.with(as(Caller.crisisTeam("CTM").as(team))))
					.andExpect(status().isCreated())
					.andReturn()
					.getResponse()
					.getContentAsString(), "$.id")));
			}
		}
		List<String> ids = new ArrayList<>();
		for (Future<String> future : created) {
			ids.add(future.get());
		}
		return ids;
	}

}
