package cymru.noddfa.registry;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisionApiTest extends RegistryComponentTest {

	@Test
	void a_provider_creates_a_provision_and_reads_it_back_with_its_version_as_etag() {
		String id = unique("bridgend");

		Api.Response created = as(identity.provider("ctm-partnership")).post("/v1/provisions",
				provision(id, "ctm-partnership"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).endsWith("/v1/provisions/" + id);
		assertThat(created.etag()).isEqualTo("\"1\"");
		JsonNode body = created.json();
		assertThat(body.get("provisionId").asString()).isEqualTo(id);
		assertThat(body.get("version").asLong()).isEqualTo(1);
		assertThat(body.get("status").asString()).as("a provider's provision awaits an admin")
			.isEqualTo("PENDING_APPROVAL");
		assertThat(body.get("vacancies").get(0).get("bedType").asString()).isEqualTo("CRISIS");
		assertThat(body.get("vacancies").get(0).get("available").asInt()).isEqualTo(1);

		Api.Response read = as(identity.crisisTeam("BCU")).get("/v1/provisions/" + id);
		assertThat(read.status()).as("anyone in a role reads availability everywhere").isEqualTo(200);
		assertThat(read.etag()).isEqualTo("\"1\"");
		assertThat(read.json()).isEqualTo(body);
	}

	@Test
	void without_an_id_the_registry_chooses_one() {
		String body = provision("x", "test-provider").replace("\"id\": \"x\", ", "");

		Api.Response created = this.api.post("/v1/provisions", body);

		assertThat(created.status()).isEqualTo(201);
		String id = created.json().get("provisionId").asString();
		assertThat(id).matches("p-[0-9a-f]{16}");
		assertThat(this.api.get("/v1/provisions/" + id).status()).isEqualTo(200);
	}

	@Test
	void an_id_that_is_taken_is_a_409() {
		String id = unique("taken");
		create(id);

		Api.Response again = this.api.post("/v1/provisions", provision(id, "test-provider"));

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("https://noddfa.cymru/problems/provision-exists");
	}

	@Test
	void setting_a_vacancy_needs_the_current_etag_and_answers_with_the_new_one() {
		String id = unique("vacancy");
		create(id);
		String path = "/v1/provisions/" + id + "/vacancies/CRISIS";

		Api.Response missing = this.api.put(path, "{\"total\": 3, \"available\": 2}");
		assertThat(missing.status()).isEqualTo(428);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().get("field").asString()).isEqualTo("If-Match");

		Api.Response updated = this.api.put(path, "{\"total\": 3, \"available\": 2}", "If-Match", "\"1\"");
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.etag()).isEqualTo("\"2\"");
		assertThat(updated.json().get("version").asLong()).isEqualTo(2);
		assertThat(updated.json().get("vacancies").get(0).get("available").asInt()).isEqualTo(2);

		Api.Response stale = this.api.put(path, "{\"total\": 3, \"available\": 0}", "If-Match", "\"1\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.etag()).isEqualTo("\"2\"");
		assertThat(stale.json().get("current").get("version").asLong()).isEqualTo(2);
		assertThat(stale.json().get("current").get("vacancies").get(0).get("available").asInt()).isEqualTo(2);
		assertThat(this.api.get("/v1/provisions/" + id).json().get("vacancies").get(0).get("available").asInt())
			.isEqualTo(2);
	}

	@Test
	void a_new_bed_type_can_be_added_by_setting_its_vacancy() {
		String id = unique("add-type");
		create(id);

		Api.Response updated = this.api.put("/v1/provisions/" + id + "/vacancies/ASSESSMENT",
				"{\"total\": 2, \"available\": 2}", "If-Match", "\"1\"");

		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("vacancies")).hasSize(2);
		assertThat(updated.json().get("vacancies").get(1).get("bedType").asString()).isEqualTo("ASSESSMENT");
	}

	@Test
	void a_confirmation_bumps_confirmed_at_without_changing_the_counts() {
		String id = unique("confirm");
		JsonNode before = create(id).json().get("vacancies").get(0);

		Api.Response confirmed = this.api.post("/v1/provisions/" + id + "/confirmations", "{\"bedType\": \"CRISIS\"}");

		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.etag()).isEqualTo("\"2\"");
		JsonNode after = confirmed.json().get("vacancies").get(0);
		assertThat(after.get("total")).isEqualTo(before.get("total"));
		assertThat(after.get("available")).isEqualTo(before.get("available"));
		assertThat(Instant.parse(after.get("confirmedAt").asString()))
			.isAfterOrEqualTo(Instant.parse(before.get("confirmedAt").asString()));

		Api.Response all = this.api.post("/v1/provisions/" + id + "/confirmations", null);
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.json().get("version").asLong()).isEqualTo(3);
	}

	@Test
	void a_client_holding_the_current_etag_gets_304_until_the_provision_changes() {
		String id = unique("poll");
		create(id);

		Api.Response unchanged = this.api.get("/v1/provisions/" + id, "If-None-Match", "\"1\"");
		assertThat(unchanged.status()).isEqualTo(304);
		assertThat(unchanged.etag()).isEqualTo("\"1\"");

		this.api.post("/v1/provisions/" + id + "/confirmations", null);
		Api.Response changed = this.api.get("/v1/provisions/" + id, "If-None-Match", "\"1\"");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.etag()).isEqualTo("\"2\"");
	}

	@Test
	void behind_the_gateway_the_location_carries_the_public_prefix() {
		String id = unique("behind-gateway");

		Api.Response created = this.api.post("/v1/provisions", provision(id, "test-provider"), "X-Forwarded-Host",
				"localhost:8080", "X-Forwarded-Proto", "http", "X-Forwarded-Prefix", "/api/registry");

		assertThat(created.header("Location")).isEqualTo("http://localhost:8080/api/registry/v1/provisions/" + id);
	}

	@Test
	void an_unknown_provision_is_a_404_problem() {
		Api.Response response = this.api.get("/v1/provisions/" + unique("nowhere"));

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("field").asString()).isEqualTo("id");
	}

	@Test
	void the_openapi_description_is_served_openly_and_names_the_bearer_token_not_a_caller_parameter() {
		Api.Response docs = this.api.anonymous().get("/v3/api-docs");

		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("components").get("securitySchemes").get("bearer").get("scheme").asString())
			.isEqualTo("bearer");
		assertThat(docs.json().get("paths").get("/v1/provisions/{id}").get("put").get("responses").has("403")).isTrue();
		assertThat(docs.body()).doesNotContain("X-Actor", "\"caller\"");
		assertThat(docs.json().get("paths").has("/v1/provisions/{id}/vacancies/{bedType}")).isTrue();
		assertThat(docs.body()).contains("bridgend-hub");
		assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Noddfa bed registry");
	}

}
