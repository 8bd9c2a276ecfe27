package cymru.noddfa.registry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.networknt.schema.JsonSchema;
import cymru.noddfa.testsupport.JsonSchemas;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProvisionEventsTest extends RegistryComponentTest {

	static final String TOPIC = "registry.provision-state.v1";

	private static final JsonSchema schema = JsonSchemas
		.load(Path.of("src/main/resources/contracts/registry.provision-state.v1.schema.json"));

	@Test
	void every_change_publishes_the_whole_state_which_validates_against_the_committed_schema() {
		String id = unique("events");
		create(id);
		this.api.put("/v1/provisions/" + id + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 0}", "If-Match",
				"\"1\"");
		this.api.post("/v1/provisions/" + id + "/confirmations", null);
		this.api.post("/v1/provisions/" + id + "/pause", "{\"reason\": \"staffing\"}");
		Api.Response last = this.api.get("/v1/provisions/" + id);

		List<ConsumerRecord<String, String>> records = Topics.consume(TOPIC, (r) -> id.equals(r.key()), 4);

		assertThat(records).extracting((r) -> Api.parse(r.value()).get("version").asLong())
			.containsExactly(1L, 2L, 3L, 4L);
		for (ConsumerRecord<String, String> record : records) {
			assertThat(JsonSchemas.violations(schema, record.value())).as(record.value()).isEmpty();
			assertThat(header(record, "ce_type")).isEqualTo("cymru.noddfa.registry.ProvisionStateChanged.v1");
			assertThat(header(record, "ce_source")).isEqualTo("/noddfa/bed-registry");
			assertThat(header(record, "ce_subject")).isEqualTo(id);
			assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
			assertThat(UUID.fromString(header(record, "ce_id"))).isNotNull();
		}
		assertThat(Api.parse(records.get(3).value())).isEqualTo(last.json());
	}

	@Test
	void the_payload_has_exactly_the_documented_fields_in_the_documented_order() {
		String id = unique("shape");
		create(id);

		String value = Topics.consume(TOPIC, (r) -> id.equals(r.key()), 1).get(0).value();

		List<String> fields = new ArrayList<>();
		Api.parse(value).propertyNames().forEach(fields::add);
		assertThat(fields).containsExactly("provisionId", "version", "providerId", "name", "kind", "regionCode",
				"localAuthority", "location", "postcode", "ageRange", "accepts", "needsMet", "exclusions", "admissions",
				"regulatorReference", "onCallPhone", "status", "statusReason", "stalenessWindowHours", "vacancies",
				"updatedAt");
	}

	@Test
	void the_state_topic_is_compacted() throws Exception {
		try (var admin = AdminClient
			.create(Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers")))) {
			var resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
			String policy = admin.describeConfigs(List.of(resource))
				.all()
				.get()
				.get(resource)
				.get("cleanup.policy")
				.value();
			assertThat(policy).isEqualTo("compact");
		}
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
