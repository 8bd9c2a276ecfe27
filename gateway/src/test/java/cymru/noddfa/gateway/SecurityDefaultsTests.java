package cymru.noddfa.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cymru.noddfa.gateway.limits.RateLimitProperties;
import cymru.noddfa.gateway.security.SecurityProperties;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityDefaultsTests {

	private static final URI JWKS = URI.create("https://login.example/realms/noddfa/certs");

	private static final String CSP = "default-src 'self'";

	private static final Duration KEY_SET_WAIT = Duration.ofSeconds(1);

	@Test
	void an_issuers_keys_make_the_api_need_a_token_unless_told_otherwise() {
		assertThat(new SecurityProperties(null, JWKS, "https://login.example/realms/noddfa", "noddfa", CSP,
				Duration.ofDays(365), KEY_SET_WAIT, KEY_SET_WAIT, KEY_SET_WAIT, Duration.ofMinutes(1))
			.requireAuthentication()).isTrue();
		assertThat(new SecurityProperties(false, JWKS, "https://login.example/realms/noddfa", "noddfa", CSP,
				Duration.ofDays(365), KEY_SET_WAIT, KEY_SET_WAIT, KEY_SET_WAIT, Duration.ofMinutes(1))
			.requireAuthentication()).isFalse();
	}

	@Test
	void without_an_issuer_nothing_can_be_required() {
		assertThat(new SecurityProperties(null, null, null, "noddfa", CSP, Duration.ofDays(365), KEY_SET_WAIT,
				KEY_SET_WAIT, KEY_SET_WAIT, Duration.ofMinutes(1))
			.requireAuthentication()).isFalse();
	}

	@Test
	void anonymous_callers_get_a_tighter_bucket_than_signed_in_users() {
		RateLimitProperties defaults = new RateLimitProperties(true, null, null, null, null);

		assertThat(defaults.anonymous()).isEqualTo(new RateLimitProperties.Bucket(10, 50));
		assertThat(defaults.user()).isEqualTo(new RateLimitProperties.Bucket(50, 200));
	}

	@Test
	void crisis_teams_get_a_more_generous_bucket_than_other_users_by_default() {
		RateLimitProperties defaults = new RateLimitProperties(true, null, null, null, null);

		assertThat(defaults.forUserWith(List.of("CRISIS_TEAM"))).isEqualTo(new RateLimitProperties.Bucket(100, 400));
		assertThat(defaults.forUserWith(List.of("PANEL"))).isEqualTo(defaults.user());
		assertThat(defaults.forUserWith(List.of())).isEqualTo(defaults.user());
	}

	@Test
	void a_user_with_several_roles_gets_the_largest_of_their_buckets_whatever_the_role_names_spelling() {
		RateLimitProperties limits = new RateLimitProperties(
				true, new RateLimitProperties.Bucket(5, 10), Map.of("crisis-team",
						new RateLimitProperties.Bucket(20, 80), "PANEL", new RateLimitProperties.Bucket(10, 40)),
				null, null);

		assertThat(limits.forUserWith(List.of("PANEL", "CRISIS_TEAM")))
			.isEqualTo(new RateLimitProperties.Bucket(20, 80));
		assertThat(limits.forUserWith(List.of("PROVIDER"))).isEqualTo(new RateLimitProperties.Bucket(5, 10));
	}

}
