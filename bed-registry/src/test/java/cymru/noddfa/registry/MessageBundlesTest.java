package cymru.noddfa.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageBundlesTest {

	@Test
	void english_and_welsh_bundles_have_the_same_keys() throws IOException {
		Set<String> english = keys("/messages.properties");
		Set<String> welsh = keys("/messages_cy.properties");

		assertThat(english).isNotEmpty();
		assertThat(welsh).as("keys missing in Welsh").containsAll(english);
		assertThat(english).as("keys missing in English").containsAll(welsh);
	}

	@Test
	void every_problem_has_a_title_and_a_detail() throws IOException {
		Set<String> keys = keys("/messages.properties");
		for (String key : keys) {
			String kind = key.replaceAll("^problem\\.(.*)\\.(title|detail)$", "$1");
			assertThat(keys).contains("problem." + kind + ".title", "problem." + kind + ".detail");
		}
	}

	private static Set<String> keys(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return new TreeSet<>(properties.stringPropertyNames());
	}

}
