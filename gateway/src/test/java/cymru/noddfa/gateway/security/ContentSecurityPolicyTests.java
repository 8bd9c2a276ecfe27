package cymru.noddfa.gateway.security;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentSecurityPolicyTests {

	private static final String DEFAULT = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	@Test
	void without_a_tile_server_the_policy_is_the_one_configured() {
		assertThat(ContentSecurityPolicy.allowingImagesFrom(DEFAULT, Optional.empty())).isEqualTo(DEFAULT);
	}

	@Test
	void a_tile_server_is_one_more_source_of_images_and_of_nothing_else() {
		assertThat(ContentSecurityPolicy.allowingImagesFrom(DEFAULT, Optional.of("https://*.tile.example.org")))
			.isEqualTo(DEFAULT + "; img-src 'self' https://*.tile.example.org");
	}

	@Test
	void a_policy_with_its_own_image_sources_gets_the_tile_server_added_once() {
		String policy = "default-src 'self'; img-src 'self' data:";

		assertThat(ContentSecurityPolicy.allowingImagesFrom(policy, Optional.of("https://tiles.example.org")))
			.isEqualTo("default-src 'self'; img-src 'self' data: https://tiles.example.org");
		assertThat(ContentSecurityPolicy.allowingImagesFrom("default-src 'self'; img-src https://tiles.example.org",
				Optional.of("https://tiles.example.org")))
			.isEqualTo("default-src 'self'; img-src https://tiles.example.org");
	}

	@Test
	void a_policy_that_restricts_no_images_is_left_alone() {
		assertThat(ContentSecurityPolicy.allowingImagesFrom("frame-ancestors 'none'",
				Optional.of("https://tiles.example.org")))
			.isEqualTo("frame-ancestors 'none'");
		assertThat(ContentSecurityPolicy.allowingImagesFrom("default-src 'none'; script-src 'self'",
				Optional.of("https://tiles.example.org")))
			.isEqualTo("default-src 'none'; script-src 'self'; img-src https://tiles.example.org");
	}

}
