package cymru.noddfa.notifications.referral;

import java.nio.file.Files;
import java.nio.file.Path;

import cymru.noddfa.notifications.subscription.EventType;
import cymru.noddfa.testsupport.JsonSchemas;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matcher owns {@code matching.referral-events.v1}; this checks that its schema's
 * examples still give this service the fields it reads, and that every type it may send
 * is one a subscription can ask for.
 */
class ReferralEventContractTest {

	private static final Path SCHEMA = Path
		.of("../placement-matcher/src/main/resources/contracts/matching.referral-events.v1.schema.json");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void the_producers_examples_give_us_every_field_we_read() throws Exception {
		JsonNode schema = this.json.readTree(Files.readString(SCHEMA));
		assertThat(schema.get("examples").size()).isPositive();
		for (JsonNode example : schema.get("examples")) {
			assertThat(JsonSchemas.violations(JsonSchemas.load(SCHEMA), example.toString())).isEmpty();
			ReferralEvent event = this.json.readValue(example.toString(), ReferralEvent.class);
			assertThat(event.type()).isNotBlank();
			assertThat(event.referralId()).isNotBlank();
			assertThat(event.reference()).isNotBlank();
			assertThat(event.regionCode()).isNotBlank();
			assertThat(event.occurredAt()).isNotNull();
			if ("HoldPlaced".equals(event.type())) {
				assertThat(event.provisionId()).isNotBlank();
			}
		}
	}

	@Test
	void every_type_the_producer_may_send_can_be_subscribed_to() throws Exception {
		JsonNode types = this.json.readTree(Files.readString(SCHEMA)).at("/properties/type/enum");
		for (JsonNode type : types) {
			assertThat(EventType.named(type.asString())).as(type.asString()).isNotNull();
		}
	}

}
