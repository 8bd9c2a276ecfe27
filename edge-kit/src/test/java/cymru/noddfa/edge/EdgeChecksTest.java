package cymru.noddfa.edge;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EdgeChecksTest {

	record Vacancy(int total) {
	}

	record Provision(List<Vacancy> vacancies) {
	}

	private final OAuth2TokenValidator<Jwt> checks = TokenChecks.issuerAudienceAndExpiry("https://issuer.test",
			"noddfa");

	@Test
	void a_bad_value_deep_in_a_body_is_named_by_its_path() {
		JacksonException ex = catchThrowableOfType(JacksonException.class,
				() -> JsonMapper.builder()
					.build()
					.readValue("{\"vacancies\": [{\"total\": \"many\"}]}", Provision.class));

		assertThat(FieldPath.of(ex)).isEqualTo("vacancies[0].total");
	}

	@Test
	void a_body_that_is_not_json_at_all_is_named_body() {
		JacksonException ex = catchThrowableOfType(JacksonException.class,
				() -> JsonMapper.builder().build().readTree("{not json"));

		assertThat(FieldPath.of(ex)).isEqualTo("body");
	}

	@Test
	void a_token_for_our_audience_from_our_issuer_passes() {
		assertThat(this.checks.validate(token("https://issuer.test", "noddfa")).hasErrors()).isFalse();
	}

	@Test
	void a_token_for_another_audience_or_from_another_issuer_is_refused() {
		assertThat(this.checks.validate(token("https://issuer.test", "someone-else")).hasErrors()).isTrue();
		assertThat(this.checks.validate(token("https://elsewhere.test", "noddfa")).hasErrors()).isTrue();
	}

	@Test
	void a_token_without_an_expiry_is_refused() {
		Jwt forEver = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.issuer("https://issuer.test")
			.audience(List.of("noddfa"))
			.issuedAt(Instant.now().minusSeconds(5))
			.build();

		assertThat(this.checks.validate(forEver).hasErrors()).isTrue();
	}

	private static Jwt token(String issuer, String audience) {
		Instant now = Instant.now();
		return Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.issuer(issuer)
			.audience(List.of(audience))
			.issuedAt(now.minusSeconds(5))
			.expiresAt(now.plusSeconds(60))
			.build();
	}

}
