package cymru.noddfa.kit.security;

import cymru.noddfa.edge.BearerHeader;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * A request's bearer token, read from its {@code Authorization} header by
 * {@link BearerHeader}'s loop instead of Spring's pattern. Any request that loop cannot
 * answer alone goes to Spring's resolver, which answers it exactly as before: no
 * well-formed header, or a request that may also carry an {@code access_token} parameter
 * (a GET with one, or any form post), whose answer is Spring's to give.
 */
final class HeaderBearerTokenResolver implements BearerTokenResolver {

	private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

	@Override
	public String resolve(HttpServletRequest request) {
		String token = BearerHeader.tokenOf(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (token == null || mayCarryTokenParameter(request)) {
			return this.spring.resolve(request);
		}
		return token;
	}

	private static boolean mayCarryTokenParameter(HttpServletRequest request) {
		if (HttpMethod.GET.matches(request.getMethod())) {
			return request.getParameterValues(BearerHeader.ACCESS_TOKEN_PARAMETER) != null;
		}
		String contentType = request.getContentType();
		return contentType != null && contentType.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

}
