package cymru.noddfa.gateway.security;

import cymru.noddfa.edge.BearerHeader;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

/**
 * A request's bearer token, read from its {@code Authorization} header by
 * {@link BearerHeader}'s loop instead of Spring's pattern. Any request that loop cannot
 * answer alone goes to Spring's converter, which answers it exactly as before: no
 * well-formed header, or an {@code access_token} query parameter beside it, whose answer
 * is Spring's to give.
 */
final class HeaderBearerTokenConverter implements ServerAuthenticationConverter {

	private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

	@Override
	public Mono<Authentication> convert(ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		String token = BearerHeader.tokenOf(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		if (token == null || request.getQueryParams().containsKey(BearerHeader.ACCESS_TOKEN_PARAMETER)) {
			return this.spring.convert(exchange);
		}
		return Mono.just(new BearerTokenAuthenticationToken(token));
	}

}
