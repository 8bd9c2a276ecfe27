package cymru.noddfa.gateway.webapp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MapPropertiesTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@EnableConfigurationProperties(MapProperties.class)
	static class Settings {

	}

	@Test
	void by_default_there_is_no_tile_server_and_no_image_source_beyond_the_gateway() {
		this.contexts.run((context) -> {
			MapProperties map = context.getBean(MapProperties.class);
			assertThat(map.tileUrl()).isEmpty();
			assertThat(map.tileAttribution()).isEmpty();
			assertThat(map.tileSource()).isEmpty();
		});
	}

	@Test
	void a_tile_server_is_set_by_its_url_template_and_attribution() {
		this.contexts
			.withPropertyValues("noddfa.gateway.map.tile-url=https://{s}.tile.example.org/{z}/{x}/{y}.png",
					"noddfa.gateway.map.tile-attribution=© Example contributors")
			.run((context) -> {
				MapProperties map = context.getBean(MapProperties.class);
				assertThat(map.tileUrl()).isEqualTo("https://{s}.tile.example.org/{z}/{x}/{y}.png");
				assertThat(map.tileAttribution()).isEqualTo("© Example contributors");
				assertThat(map.tileSource()).hasValue("https://*.tile.example.org");
			});
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "https://tiles.example.org/{z}/{x}/{y}.png, https://tiles.example.org",
			"https://Tiles.Example.org:8443/osm/{z}/{x}/{y}.png?key=k, https://tiles.example.org:8443",
			"https://{s}.tile.example.org/{z}/{x}/{y}.png, https://*.tile.example.org",
			"https://tile-{s}.maps.example.org/{z}/{x}/{y}.png, https://*.maps.example.org",
			"http://127.0.0.1:8099/{z}/{x}/{y}.png, http://127.0.0.1:8099" })
	void the_images_come_from_the_origin_of_the_template(String url, String source) {
		assertThat(new MapProperties(url, "").tileSource()).hasValue(source);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tiles.example.org/{z}/{x}/{y}.png", "javascript:alert(1)//{z}/{x}/{y}",
			"https://tiles.example.org/tile.png", "https://tiles.example.org/{z}/{x}/{y}.png; script-src *",
			"https://tiles.example.org/{z}/{x}/{y}.png 'unsafe-inline'", "https://user@tiles.example.org/{z}/{x}/{y}",
			"https:///{z}/{x}/{y}.png" })
	void a_template_that_is_not_a_tile_url_stops_the_gateway(String url) {
		assertThatIllegalStateException().isThrownBy(() -> new MapProperties(url, ""))
			.withMessageContaining("noddfa.gateway.map.tile-url");
	}

}
