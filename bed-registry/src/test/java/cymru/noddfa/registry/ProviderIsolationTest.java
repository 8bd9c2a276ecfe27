package cymru.noddfa.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cymru.noddfa.registry.provision.BedType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider's token cannot change another provider's provision by any route the API has:
 * the address, the body, the list filters, the history, a replayed idempotency key, a
 * stale ETag. There is no bulk endpoint; were one added, the access matrix would fail
 * until it has a rule, and it belongs here too. Each route is refused with a 403 and the
 * other provider's provision (version, vacancies, history, events) is exactly as before.
 */
class ProviderIsolationTest extends RegistryComponentTest {

	String providerA;

	String providerB;

	Api asA;

	Api asB;

	String provisionOfA;

	String provisionOfB;

	@BeforeEach
	void twoProvidersEachWithAProvision() {
		this.providerA = unique("provider-a");
		this.providerB = unique("provider-b");
		this.asA = as(identity.provider(this.providerA));
		this.asB = as(identity.provider(this.providerB));
		this.provisionOfA = unique("of-a");
		this.provisionOfB = unique("of-b");
		assertThat(this.asA.post("/v1/provisions", provision(this.provisionOfA, this.providerA)).status())
			.isEqualTo(201);
		assertThat(this.asB.post("/v1/provisions", provision(this.provisionOfB, this.providerB)).status())
			.isEqualTo(201);
	}

	@Test
	void provider_a_cannot_change_provider_bs_provision_by_any_route() {
		Map<String, Object> before = stateOfB();
		String path = "/v1/provisions/" + this.provisionOfB;
		List<Api.Response> refused = new ArrayList<>();

		// replacing it, claiming it for A or leaving it B's
		refused.add(this.asA.put(path, provision(this.provisionOfB, this.providerA), "If-Match", "\"1\""));
		refused.add(this.asA.put(path, provision(this.provisionOfB, this.providerB), "If-Match", "\"1\""));
		// each bed type's vacancy, those it has and those it lacks
		for (BedType bedType : BedType.values()) {
			refused.add(this.asA.put(path + "/vacancies/" + bedType, "{\"total\": 3, \"available\": 0}", "If-Match",
					"\"1\""));
		}
		// a stale ETag is still a 403, not a 412 that shows the current state
		refused.add(this.asA.put(path + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 0}", "If-Match", "\"9\""));
		refused.add(this.asA.post(path + "/confirmations", "{\"bedType\": \"CRISIS\"}"));
		refused.add(this.asA.post(path + "/confirmations", null));
		refused.add(this.asA.post(path + "/pause", "{\"reason\": \"staffing\"}"));
		refused.add(this.asA.post(path + "/reopen", null));
		refused.add(this.asA.post(path + "/close", "{\"reason\": \"decommissioned\"}"));
		// a new provision in B's name
		refused.add(this.asA.post("/v1/provisions", provision(unique("for-b"), this.providerB)));
		refused.add(this.asA.post("/v1/provisions", provision("x", this.providerB).replace("\"id\": \"x\", ", "")));
		// B's history
		refused.add(this.asA.get(path + "/history"));

		assertThat(refused).allSatisfy((response) -> {
			assertThat(response.status()).as(response.toString()).isEqualTo(403);
			assertThat(response.contentType()).startsWith("application/problem+json");
		});
		assertThat(stateOfB()).isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from provision where provider_id = ?")
			.param(this.providerB)
			.query(Long.class)
			.single()).as("no provision created in B's name").isEqualTo(1);
	}

	@Test
	void what_a_list_filter_returns_for_b_is_readable_by_a_but_not_writable() {
		Map<String, Object> before = stateOfB();

		Api.Response listed = this.asA.get("/v1/provisions?providerId=" + this.providerB);

		assertThat(listed.status()).as("availability is visible to everyone in a role").isEqualTo(200);
		List<String> ids = new ArrayList<>();
		for (JsonNode item : listed.json().get("items")) {
			ids.add(item.get("provisionId").asString());
			String path = "/v1/provisions/" + item.get("provisionId").asString();
			String etag = "\"" + item.get("version").asLong() + "\"";
			assertThat(this.asA.put(path + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 0}", "If-Match", etag)
				.status()).isEqualTo(403);
			assertThat(
					this.asA.put(path, provision(item.get("provisionId").asString(), this.providerA), "If-Match", etag)
						.status())
				.isEqualTo(403);
			assertThat(this.asA.post(path + "/pause", "{\"reason\": \"staffing\"}").status()).isEqualTo(403);
			assertThat(this.asA.get(path + "/history").status()).isEqualTo(403);
		}
		assertThat(ids).containsExactly(this.provisionOfB);
		assertThat(stateOfB()).isEqualTo(before);
	}

	@Test
	void replaying_bs_idempotency_key_does_not_hand_a_bs_answer() {
		String key = UUID.randomUUID().toString();
		String path = "/v1/provisions/" + this.provisionOfB + "/vacancies/CRISIS";
		assertThat(this.asB.put(path, "{\"total\": 3, \"available\": 2}", "If-Match", "\"1\"", "Idempotency-Key", key)
			.status()).isEqualTo(200);
		Map<String, Object> before = stateOfB();

		Api.Response replayed = this.asA.put(path, "{\"total\": 3, \"available\": 2}", "If-Match", "\"1\"",
				"Idempotency-Key", key);

		assertThat(replayed.status()).as(replayed.toString()).isEqualTo(403);
		assertThat(stateOfB()).isEqualTo(before);
		assertThat(this.asB.put(path, "{\"total\": 3, \"available\": 2}", "If-Match", "\"1\"", "Idempotency-Key", key)
			.status()).as("B's own retry still gets B's first answer").isEqualTo(200);
	}

	@Test
	void taking_bs_id_for_a_new_provision_is_a_conflict_that_changes_nothing() {
		Map<String, Object> before = stateOfB();

		Api.Response taken = this.asA.post("/v1/provisions", provision(this.provisionOfB, this.providerA));

		assertThat(taken.status()).isEqualTo(409);
		assertThat(stateOfB()).isEqualTo(before);
	}

	@Test
	void a_changes_its_own_provision_by_every_route_but_cannot_hand_it_to_b() {
		String path = "/v1/provisions/" + this.provisionOfA;
		// a provider's new provision is opened by an admin before it can be paused
		assertThat(this.api.post(path + "/approval", null).status()).isEqualTo(200);

		assertThat(this.asA.put(path + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 0}", "If-Match", "\"2\"")
			.status()).isEqualTo(200);
		assertThat(this.asA.put(path, provision(this.provisionOfA, this.providerA), "If-Match", "\"3\"").status())
			.isEqualTo(200);
		assertThat(this.asA.post(path + "/confirmations", null).status()).isEqualTo(200);
		assertThat(this.asA.post(path + "/pause", "{\"reason\": \"staffing\"}").status()).isEqualTo(200);
		assertThat(this.asA.post(path + "/reopen", null).status()).isEqualTo(200);
		assertThat(this.asA.put(path, provision(this.provisionOfA, this.providerB), "If-Match", "\"7\"").status())
			.as("moving it to another provider")
			.isEqualTo(403);
		assertThat(this.asA.post(path + "/close", "{\"reason\": \"decommissioned\"}").status()).isEqualTo(200);

		JsonNode history = this.asA.get(path + "/history").json();
		List<String> actors = new ArrayList<>();
		history.get("items").forEach((item) -> actors.add(item.get("actor").asString()));
		assertThat(actors).containsOnly("test:provider:" + this.providerA, "test:admin");
		assertThat(this.api.get(path).json().get("providerId").asString()).isEqualTo(this.providerA);
	}

	/** B's provision as stored: row, vacancies, history and events. */
	private Map<String, Object> stateOfB() {
		return this.jdbc
			.sql("""
					select p.version, p.provider_id, p.status, p.updated_at,
					       (select string_agg(v.bed_type || ':' || v.total || '/' || v.available || '@' || v.confirmed_at, ','
					                          order by v.bed_type) from vacancy v where v.provision_id = p.id) as vacancies,
					       (select count(*) from provision_history h where h.provision_id = p.id) as history,
					       (select max(h.id) from provision_history h where h.provision_id = p.id) as last_history,
					       (select count(*) from outbox o where o.message_key = p.id) as events
					from provision p where p.id = ?
					""")
			.param(this.provisionOfB)
			.query()
			.singleRow();
	}

}
