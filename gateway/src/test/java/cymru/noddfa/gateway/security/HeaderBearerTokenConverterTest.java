package cymru.noddfa.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The converter gives every request the answer Spring's own would: the token of a
 * well-formed header, nothing without one, Spring's refusal of a malformed header, and
 * Spring's own answer when the query carries an {@code access_token}.
 */
class HeaderBearerTokenConverterTest {

	private final HeaderBearerTokenConverter converter = new HeaderBearerTokenConverter();

	private final ServerBearerTokenAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

	@Test
	void a_well_formed_header_gives_its_token() {
		Authentication authentication = this.converter
			.convert(exchange(MockServerHttpRequest.get("/api/matching/v1/searches")
				.header("Authorization", "Bearer eyJ.abc-_~+/x==")))
			.block();

		assertThat(authentication).isInstanceOfSatisfying(BearerTokenAuthenticationToken.class,
				(bearer) -> assertThat(bearer.getToken()).isEqualTo("eyJ.abc-_~+/x=="));
	}

	@Test
	void no_header_or_another_scheme_gives_no_token() {
		assertThat(this.converter.convert(exchange(MockServerHttpRequest.get("/api/matching/v1/searches"))).block())
			.isNull();
		assertThat(this.converter
			.convert(exchange(MockServerHttpRequest.get("/").header("Authorization", "Basic dXNlcjpwYXNz")))
			.block()).isNull();
	}

	@Test
	void a_malformed_bearer_header_is_refused_as_spring_refuses_it() {
		assertThatThrownBy(() -> this.converter
			.convert(exchange(MockServerHttpRequest.get("/").header("Authorization", "Bearer a b")))
			.block()).isInstanceOf(OAuth2AuthenticationException.class).hasMessageContaining("malformed");
	}

	@Test
	void a_token_in_the_query_beside_the_header_gets_springs_answer() {
		MockServerWebExchange exchange = exchange(
				MockServerHttpRequest.get("/?access_token=def").header("Authorization", "Bearer abc"));

		assertThat(answer(this.converter, exchange)).isEqualTo(answer(this.spring, exchange));
	}

	/** The token, or the refusal's class and message. */
	private static String answer(ServerAuthenticationConverter converter, MockServerWebExchange exchange) {
		try {
			Authentication authentication = converter.convert(exchange).block();
			return "token " + ((authentication != null) ? authentication.getCredentials() : null);
		}
		catch (OAuth2AuthenticationException ex) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
		return MockServerWebExchange.from(request);
	}

}
