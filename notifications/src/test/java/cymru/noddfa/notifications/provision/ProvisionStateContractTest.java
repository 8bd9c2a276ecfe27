package cymru.noddfa.notifications.provision;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry owns {@code registry.provision-state.v1}; this checks that its schema
 * still requires, with the same names, every field the vacancy reminders read.
 */
class ProvisionStateContractTest {

	private static final Path SCHEMA = Path
		.of("../bed-registry/src/main/resources/contracts/registry.provision-state.v1.schema.json");

	@Test
	void the_producers_schema_requires_every_field_we_read() throws Exception {
		JsonNode schema = JsonMapper.builder().build().readTree(Files.readString(SCHEMA));
		assertThat(schema.get("required")).extracting(JsonNode::asString)
			.contains("provisionId", "version", "name", "regionCode", "status", "stalenessWindowHours", "vacancies");
		assertThat(schema.at("/properties/vacancies/items/required")).extracting(JsonNode::asString)
			.contains("bedType", "confirmedAt");
		assertThat(schema.at("/properties/status/enum")).extracting(JsonNode::asString).contains("OPEN");
	}

}
