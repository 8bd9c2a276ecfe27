package cymru.noddfa.kit.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The resolver gives every request the answer Spring's own would: the token of a
 * well-formed header, nothing without one, Spring's refusal of a malformed header, and
 * Spring's own answer whenever an {@code access_token} parameter may be present.
 */
class HeaderBearerTokenResolverTest {

	private final HeaderBearerTokenResolver resolver = new HeaderBearerTokenResolver();

	private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	@Test
	void a_well_formed_header_gives_its_token() {
		MockHttpServletRequest request = request("GET", "Bearer eyJ.abc-_~+/x==");

		assertThat(this.resolver.resolve(request)).isEqualTo("eyJ.abc-_~+/x==").isEqualTo(this.spring.resolve(request));
	}

	@Test
	void no_header_or_another_scheme_gives_no_token() {
		assertThat(this.resolver.resolve(request("GET", null))).isNull();
		assertThat(this.resolver.resolve(request("POST", "Basic dXNlcjpwYXNz"))).isNull();
	}

	@Test
	void a_malformed_bearer_header_is_refused_as_spring_refuses_it() {
		assertThatThrownBy(() -> this.resolver.resolve(request("GET", "Bearer a b")))
			.isInstanceOf(OAuth2AuthenticationException.class)
			.hasMessageContaining("malformed");
	}

	@Test
	void a_token_parameter_beside_the_header_gets_springs_answer() {
		MockHttpServletRequest query = request("GET", "Bearer abc");
		query.addParameter("access_token", "def");
		MockHttpServletRequest form = request("POST", "Bearer abc");
		form.setContentType("application/x-www-form-urlencoded");
		form.addParameter("access_token", "def");

		assertSameAnswerAsSpring(query);
		assertSameAnswerAsSpring(form);
	}

	@Test
	void a_json_post_with_a_header_gives_its_token() {
		MockHttpServletRequest request = request("POST", "bearer abc");
		request.setContentType("application/json");

		assertThat(this.resolver.resolve(request)).isEqualTo("abc").isEqualTo(this.spring.resolve(request));
	}

	private void assertSameAnswerAsSpring(MockHttpServletRequest request) {
		assertThat(answer(this.resolver, request)).isEqualTo(answer(this.spring, request));
	}

	/** The token, or the refusal's class and message. */
	private static String answer(BearerTokenResolver resolver, MockHttpServletRequest request) {
		try {
			return "token " + resolver.resolve(request);
		}
		catch (OAuth2AuthenticationException ex) {
			return ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
	}

	private static MockHttpServletRequest request(String method, String authorization) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/v1/searches");
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		return request;
	}

}
