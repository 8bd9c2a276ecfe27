package cymru.noddfa.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write, allowed or refused, is in the audit trail with who, their role and tenant,
 * the outcome and the request id, and only admins read the trail. Provisions are not
 * children's data, so reading them is not recorded.
 */
class AuditTrailTest extends RegistryComponentTest {

	@Test
	void a_write_and_a_refused_write_are_in_the_trail_with_subject_request_id_and_status() {
		String provider = unique("audited");
		String id = unique("audited");
		Api asProvider = as(identity.provider(provider));
		assertThat(asProvider.post("/v1/provisions", provision(id, provider)).status()).isEqualTo(201);
		String path = "/v1/provisions/" + id + "/vacancies/CRISIS";
		String written = "audit-" + UUID.randomUUID();
		String refused = "audit-" + UUID.randomUUID();

		assertThat(
				asProvider.put(path, "{\"total\": 3, \"available\": 0}", "If-Match", "\"1\"", "X-Request-Id", written)
					.status())
			.isEqualTo(200);
		assertThat(as(identity.provider(unique("intruder")))
			.put(path, "{\"total\": 3, \"available\": 3}", "If-Match", "\"2\"", "X-Request-Id", refused)
			.status()).isEqualTo(403);
		assertThat(as(identity.crisisTeam("CTM"))
			.post("/v1/provisions/" + id + "/pause", "{\"reason\": \"x\"}", "X-Request-Id", refused)
			.status()).isEqualTo(403);
		assertThat(asProvider.get("/v1/provisions/" + id).status()).isEqualTo(200);

		JsonNode trail = this.api.get("/v1/audit?path=/v1/provisions/" + id).json();

		JsonNode write = entry(trail, written);
		assertThat(write.get("subject").asString()).isEqualTo("test:provider:" + provider);
		assertThat(write.get("roles").asString()).isEqualTo("PROVIDER");
		assertThat(write.get("tenant").asString()).isEqualTo(provider);
		assertThat(write.get("method").asString()).isEqualTo("PUT");
		assertThat(write.get("path").asString()).isEqualTo(path);
		assertThat(write.get("status").asInt()).isEqualTo(200);
		assertThat(write.get("at").asString()).isNotBlank();
		List<String> refusals = new ArrayList<>();
		trail.forEach((entry) -> {
			if (refused.equals(entry.get("requestId").asString())) {
				assertThat(entry.get("status").asInt()).isEqualTo(403);
				refusals.add(entry.get("roles").asString() + " " + entry.get("method").asString());
			}
		});
		assertThat(refusals).containsExactlyInAnyOrder("PROVIDER PUT", "CRISIS_TEAM POST");
		assertThat(trail).extracting((entry) -> entry.get("method").asString())
			.as("reading a provision is not recorded")
			.doesNotContain("GET");
		assertThat(this.api.get("/v1/audit?subject=test:provider:" + provider).json())
			.extracting((entry) -> entry.get("requestId").asString())
			.contains(written);
	}

	@Test
	void a_write_its_history_its_event_and_its_audit_row_commit_in_one_transaction_and_the_row_is_written_once() {
		String id = unique("one-tx");
		create(id);
		String requestId = "audit-" + UUID.randomUUID();

		assertThat(this.api
			.put("/v1/provisions/" + id + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 2}", "If-Match", "\"1\"",
					"X-Request-Id", requestId)
			.status()).isEqualTo(200);

		List<String> audit = this.jdbc.sql("select xmin::text from audit_event where request_id = ?")
			.param(requestId)
			.query(String.class)
			.list();
		assertThat(audit).as("one audit row for the write").hasSize(1);
		String history = this.jdbc
			.sql("select xmin::text from provision_history where provision_id = ? and version = 2")
			.param(id)
			.query(String.class)
			.single();
		String provision = this.jdbc.sql("select xmin::text from provision where id = ? and version = 2")
			.param(id)
			.query(String.class)
			.single();
		// the relay's mark of a published event rewrites its row, so the event is shown
		// by
		// its request id rather than by the transaction that wrote it
		assertThat(this.jdbc.sql("select count(*) from outbox where request_id = ?")
			.param(requestId)
			.query(Integer.class)
			.single()).as("the write's event").isEqualTo(1);
		assertThat(audit.get(0)).as("the audit row's transaction is the history's")
			.isEqualTo(history)
			.as("and the provision's")
			.isEqualTo(provision);
	}

	@Test
	void a_write_that_fails_is_in_the_trail_once_with_its_failure() {
		String id = unique("stale");
		create(id);
		String requestId = "audit-" + UUID.randomUUID();

		assertThat(this.api
			.put("/v1/provisions/" + id + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 2}", "If-Match", "\"7\"",
					"X-Request-Id", requestId)
			.status()).isEqualTo(412);

		assertThat(this.jdbc.sql("select status from audit_event where request_id = ?")
			.param(requestId)
			.query(Integer.class)
			.list()).containsExactly(412);
	}

	@Test
	void a_signed_links_signature_is_never_stored_in_the_trail() {
		String id = unique("signed");
		String requestId = "audit-" + UUID.randomUUID();
		as(identity.provider(unique("signer"))).post("/v1/provisions/" + id + "/confirmations?lang=cy&sig=s3cr3t-value",
				"{}", "X-Request-Id", requestId);

		JsonNode write = entry(this.api.get("/v1/audit?path=/v1/provisions/" + id).json(), requestId);

		assertThat(write.get("query").asString()).isEqualTo("lang=cy&sig=…").doesNotContain("s3cr3t");
	}

	@Test
	void only_admins_read_the_trail() {
		assertThat(this.api.get("/v1/audit?limit=1").status()).isEqualTo(200);
		assertThat(as(identity.provider("test-provider")).get("/v1/audit").status()).isEqualTo(403);
		assertThat(as(identity.crisisTeam("CTM")).get("/v1/audit").status()).isEqualTo(403);
		assertThat(as(identity.panel("CTM")).get("/v1/audit").status()).isEqualTo(403);
		assertThat(this.api.anonymous().get("/v1/audit").status()).isEqualTo(401);
	}

	private static JsonNode entry(JsonNode trail, String requestId) {
		for (JsonNode entry : trail) {
			if (requestId.equals(entry.get("requestId").asString())) {
				return entry;
			}
		}
		throw new AssertionError("no audit entry with request id " + requestId + " in " + trail);
	}

}
