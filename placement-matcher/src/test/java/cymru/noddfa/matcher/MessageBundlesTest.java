package cymru.noddfa.matcher;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundlesTest {

	@Test
	void every_english_message_has_a_welsh_one_and_the_other_way_round() throws IOException {
		Properties english = load("/messages.properties");
		Properties welsh = load("/messages_cy.properties");

		assertThat(english).isNotEmpty();
		assertThat(welsh.keySet()).as("keys missing from messages_cy.properties").containsAll(english.keySet());
		assertThat(english.keySet()).as("keys missing from messages.properties").containsAll(welsh.keySet());
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (var reader = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream(resource),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
