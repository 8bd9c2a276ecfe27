package cymru.noddfa.registry;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider cannot make a fake unit attract real holds: what a provider creates waits,
 * unpublished, until an admin approves it; what an admin onboards is open at once.
 */
class ProvisionApprovalTest extends RegistryComponentTest {

	@Test
	void a_providers_provision_is_unpublished_until_an_admin_approves_it() {
		String provider = unique("asking");
		String id = unique("asked");
		Api asProvider = as(identity.provider(provider));

		Api.Response created = asProvider.post("/v1/provisions", provision(id, provider));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
		assertThat(asProvider
			.put("/v1/provisions/" + id + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 3}", "If-Match", "\"1\"")
			.status()).as("the provider may prepare it meanwhile").isEqualTo(200);
		assertThat(asProvider.post("/v1/provisions/" + id + "/approval", null).status())
			.as("a provider cannot approve its own")
			.isEqualTo(403);
		assertThat(published(id)).as("nothing reaches the matcher before approval").isZero();

		Api.Response approved = this.api.post("/v1/provisions/" + id + "/approval", null);

		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("OPEN");
		List<ConsumerRecord<String, String>> records = Topics.consume(ProvisionEventsTest.TOPIC,
				(r) -> id.equals(r.key()), 1);
		JsonNode first = Api.parse(records.get(0).value());
		assertThat(first.get("status").asString()).isEqualTo("OPEN");
		assertThat(first.get("version").asLong()).isEqualTo(3);
		assertThat(published(id)).isEqualTo(1);
		assertThat(this.api.post("/v1/provisions/" + id + "/approval", null).json().get("version").asLong())
			.as("approving again changes nothing")
			.isEqualTo(3);
	}

	@Test
	void an_admins_provision_is_open_and_published_at_once() {
		String id = unique("onboarded");

		Api.Response created = create(id);

		assertThat(created.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(Topics.consume(ProvisionEventsTest.TOPIC, (r) -> id.equals(r.key()), 1)).hasSize(1);
	}

	private long published(String id) {
		return this.jdbc.sql("select count(*) from outbox where message_key = ?").param(id).query(Long.class).single();
	}

}
