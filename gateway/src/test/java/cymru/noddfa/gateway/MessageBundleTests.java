package cymru.noddfa.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundleTests {

	@Test
	void english_and_welsh_bundles_hold_the_same_keys() throws IOException {
		Properties english = load("/messages.properties");
		Properties welsh = load("/messages_cy.properties");

		assertThat(english.stringPropertyNames()).isNotEmpty();
		assertThat(welsh.stringPropertyNames()).as("keys missing from messages_cy.properties")
			.containsAll(english.stringPropertyNames());
		assertThat(english.stringPropertyNames()).as("keys missing from messages.properties")
			.containsAll(welsh.stringPropertyNames());
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundleTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
