package cymru.noddfa.matcher.availability;

import java.time.Duration;

import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import cymru.noddfa.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReadModelTest extends MatcherComponentTest {

	private final ProvisionStates registry = new ProvisionStates();

	@AfterEach
	void close() {
		this.registry.close();
	}

	@Test
	void a_published_provision_state_is_answered_from_the_read_model() throws Exception {
		var provision = ProvisionStates.provision(ProvisionStates.uniqueId("hub"))
			.at(ProvisionStates.somewhereApart())
			.onlyBeds("CRISIS", 3, 2)
			.beds("ASSESSMENT", 4, 0);
		this.registry.publish(provision);

		awaitVersion(provision.id(), 1);
		this.mvc.perform(get("/v1/availability/{id}", provision.id()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.provisionId").value(provision.id()))
			.andExpect(jsonPath("$.regionCode").value("CTM"))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.beds[0].bedType").value("CRISIS"))
			.andExpect(jsonPath("$.beds[0].total").value(3))
			.andExpect(jsonPath("$.beds[0].available").value(2))
			.andExpect(jsonPath("$.beds[0].held").value(0))
			.andExpect(jsonPath("$.beds[0].free").value(2))
			.andExpect(jsonPath("$.beds[0].confirmedAt").isNotEmpty())
			.andExpect(jsonPath("$.beds[1].bedType").value("ASSESSMENT"))
			.andExpect(jsonPath("$.beds[1].free").value(0));
	}

	@Test
	void versions_not_newer_than_the_one_held_are_ignored() throws Exception {
		var provision = ProvisionStates.provision(ProvisionStates.uniqueId("order"))
			.at(ProvisionStates.somewhereApart());
		this.registry.publish(provision.version(3).onlyBeds("CRISIS", 3, 3));
		awaitVersion(provision.id(), 3);

		this.registry.publish(provision.version(2).onlyBeds("CRISIS", 3, 0));
		this.registry.publish(provision.version(3).onlyBeds("CRISIS", 3, 1));
		this.registry.publish(provision.version(4).onlyBeds("CRISIS", 3, 2));

		awaitVersion(provision.id(), 4);
		this.mvc.perform(get("/v1/availability/{id}", provision.id()))
			.andExpect(jsonPath("$.beds[0].available").value(2));
	}

	@Test
	void searches_keep_answering_while_the_broker_is_away_and_the_read_model_catches_up_after(TestInfrastructure infra)
			throws Exception {
		double[] point = ProvisionStates.somewhereApart();
		var provision = ProvisionStates.provision(ProvisionStates.uniqueId("outage")).at(point);
		this.registry.publish(provision.onlyBeds("CRISIS", 5, 1));
		awaitVersion(provision.id(), 1);

		infra.stopKafka();
		try {
			this.mvc
				.perform(get("/v1/searches").param("lat", String.valueOf(point[0]))
					.param("lon", String.valueOf(point[1]))
					.param("regionCode", "CTM")
					.param("age", "14")
					.param("bedType", "CRISIS")
					.param("maxKm", "5"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.candidates[0].provisionId").value(provision.id()));
		}
		finally {
			infra.startKafka();
		}

		for (int version = 2; version <= 50; version++) {
			this.registry.publish(provision.version(version).onlyBeds("CRISIS", 5, version % 5));
		}
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", provision.id()))
				.andExpect(jsonPath("$.version").value(50))
				.andExpect(jsonPath("$.beds[0].available").value(0)));
	}

	@Test
	void a_tombstone_removes_the_provision() throws Exception {
		var provision = ProvisionStates.provision(ProvisionStates.uniqueId("gone"))
			.at(ProvisionStates.somewhereApart());
		this.registry.publish(provision);
		awaitVersion(provision.id(), 1);

		this.registry.delete(provision.id());

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", provision.id()))
				.andExpect(status().isNotFound())
				.andExpect(jsonPath("$.type").value("https://noddfa.cymru/problems/provision-not-found")));
	}

	private void awaitVersion(String id, long version) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", id))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value(version)));
	}

}
