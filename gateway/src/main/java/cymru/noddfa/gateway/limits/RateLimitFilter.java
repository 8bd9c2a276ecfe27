package cymru.noddfa.gateway.limits;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;
import java.util.Set;

import cymru.noddfa.gateway.problem.GatewayProblems;
import cymru.noddfa.gateway.requestid.RequestIdFilter;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Per-user and anonymous per-client-IP rate limits, answered with a 429 problem and
 * {@code Retry-After}. Runs after the security filters, so the user is the validated
 * token's subject, never a name a caller merely claims. A signed-in caller spends only
 * from its own bucket: many clinicians share one hospital's egress address, and one busy
 * user must never lock the others out. Only anonymous traffic is limited by address.
 * Health, metrics and the web app's static files are not limited: probes must always get
 * through, and the page is needed to sign in at all.
 * <p>
 * A request the security filters refuse with a 401 never reaches this filter, so they
 * spend from the anonymous bucket through {@link #limitAnonymous} first: a flood of
 * requests without a valid token turns into 429s like any other anonymous flood.
 */
@Component
@Order(-50)
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
@Slf4j
public class RateLimitFilter implements WebFilter {

	private static final String ROLE_PREFIX = "ROLE_";

	/**
	 * The web app's own files: static, cached and needed before anyone can sign in, so
	 * they never spend from the anonymous bucket that a whole hospital's address shares.
	 */
	private static final Set<String> WEB_APP_FILES = Set.of("/", "/index.html", "/app.js", "/app.css", "/app/messages",
			"/map/wales.json");

	private final RateLimitProperties limits;

	private final TokenBucketStore buckets;

	private final GatewayProblems problems;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (!this.limits.enabled() || path.startsWith("/actuator/") || WEB_APP_FILES.contains(path)
				|| path.startsWith("/webjars/")) {
			return chain.filter(exchange);
		}
		String clientIp = clientIp(exchange);
		return exchange.getPrincipal()
			.filter(RateLimitFilter::signedIn)
			.cast(Authentication.class)
			.flatMap((user) -> this.buckets.take("user:" + user.getName(), this.limits.forUserWith(roles(user))))
			.switchIfEmpty(Mono.defer(() -> takeAnonymous(clientIp)))
			.flatMap((allowance) -> allowance.allowed() ? chain.filter(exchange) : tooMany(exchange, allowance));
	}

	/**
	 * Spends one token of the client IP's anonymous bucket, then sends {@code answer}, or
	 * a 429 problem when the bucket is empty.
	 */
	public Mono<Void> limitAnonymous(ServerWebExchange exchange, Mono<Void> answer) {
		if (!this.limits.enabled()) {
			return answer;
		}
		return takeAnonymous(clientIp(exchange))
			.flatMap((allowance) -> allowance.allowed() ? answer : tooMany(exchange, allowance));
	}

	private Mono<Allowance> takeAnonymous(String clientIp) {
		return this.buckets.take("anonymous:" + clientIp, this.limits.anonymous());
	}

	private Mono<Void> tooMany(ServerWebExchange exchange, Allowance allowance) {
		RequestIdFilter.withRequestIdInLogs(exchange,
				() -> log.info("Rate limit reached for {} {}; answered 429, retry in {} s",
						exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
						allowance.retryAfterSeconds()));
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(allowance.retryAfterSeconds()));
		return this.problems.send(exchange,
				this.problems.problem(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited"));
	}

	private static List<String> roles(Authentication user) {
		return user.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority.startsWith(ROLE_PREFIX))
			.map((authority) -> authority.substring(ROLE_PREFIX.length()))
			.toList();
	}

	private static boolean signedIn(Principal principal) {
		return principal instanceof Authentication authentication && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	/**
	 * The peer address; behind a load balancer set
	 * {@code server.forward-headers-strategy} so that it is the client's, taken from
	 * {@code X-Forwarded-For} only when that header comes from a trusted proxy.
	 */
	private static String clientIp(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return "unknown";
		}
		return remote.getAddress().getHostAddress();
	}

}
