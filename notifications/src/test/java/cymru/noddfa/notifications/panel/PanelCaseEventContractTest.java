package cymru.noddfa.notifications.panel;

import java.nio.file.Files;
import java.nio.file.Path;

import cymru.noddfa.notifications.subscription.EventType;
import cymru.noddfa.testsupport.JsonSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The panels service owns {@code panels.case-events.v1}; this checks that its schema's
 * examples give this service the fields it reads, and that every type people are told
 * about can be subscribed to. It reads the producer's own schema, never a copy.
 */
class PanelCaseEventContractTest {

	private static final Path PRODUCERS = Path
		.of("../panels/src/main/resources/contracts/panels.case-events.v1.schema.json");

	private final JsonMapper json = JsonMapper.builder().build();

	private static Path schema() {
		return PRODUCERS;
	}

	@Test
	void the_producers_examples_give_us_every_field_we_read() throws Exception {
		JsonNode schema = this.json.readTree(Files.readString(schema()));
		assertThat(schema.get("examples").size()).isPositive();
		for (JsonNode example : schema.get("examples")) {
			assertThat(JsonSchemas.violations(JsonSchemas.load(schema()), example.toString())).isEmpty();
			PanelCaseEvent event = this.json.readValue(example.toString(), PanelCaseEvent.class);
			assertThat(event.eventId()).isNotNull();
			assertThat(event.referralId()).isNotBlank();
			assertThat(event.regionCode()).isNotBlank();
			assertThat(event.occurredAt()).isNotNull();
			if ("FundingWaitOverdue".equals(event.type())) {
				assertThat(event.daysWaiting()).isNotNull();
			}
			if ("CaseOpened".equals(event.type())) {
				assertThat(event.openedBecause()).isNotBlank();
			}
		}
	}

	@Test
	void every_type_people_are_told_about_can_be_subscribed_to() throws Exception {
		JsonNode schema = this.json.readTree(Files.readString(schema()));
		for (JsonNode type : schema.at("/properties/type/enum")) {
			for (JsonNode because : schema.at("/properties/openedBecause/enum")) {
				if (PanelAlerts.kind(type.asString(), because.asString()) != null) {
					assertThat(EventType.named(type.asString())).as(type.asString()).isNotNull();
				}
			}
		}
	}

}
