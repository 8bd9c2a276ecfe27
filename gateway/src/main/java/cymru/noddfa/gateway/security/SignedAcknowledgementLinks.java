package cymru.noddfa.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;

/**
 * The acknowledgement link in an alert's email or SMS, and the form its page posts: the
 * person who follows it has no token, and the link's signature is what notifications
 * checks instead. Exactly these two methods on this one path, and only with a
 * {@code sig}; every other notifications path still needs a token.
 */
final class SignedAcknowledgementLinks implements ServerWebExchangeMatcher {

	static final String PATH = "/api/notifications/v1/alerts/{id}/acknowledge";

	static final SignedAcknowledgementLinks MATCHER = new SignedAcknowledgementLinks();

	private final ServerWebExchangeMatcher signedLink = new AndServerWebExchangeMatcher(
			new OrServerWebExchangeMatcher(new PathPatternParserServerWebExchangeMatcher(PATH, HttpMethod.GET),
					new PathPatternParserServerWebExchangeMatcher(PATH, HttpMethod.POST)),
			(exchange) -> exchange.getRequest().getQueryParams().containsKey("sig") ? MatchResult.match()
					: MatchResult.notMatch());

	private SignedAcknowledgementLinks() {
	}

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		return this.signedLink.matches(exchange);
	}

}
