package cymru.noddfa.gateway.problem;

import java.net.URI;
import java.util.Set;

import cymru.noddfa.gateway.requestid.RequestIdFilter;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker sends a request it could not complete: the downstream
 * refused, timed out, or the circuit is open. Reached only by the gateway's internal
 * forward; asked for directly it does not exist.
 */
@RestController
@RequiredArgsConstructor
@Slf4j
class FallbackController {

	static final String PATH = "/fallback";

	private final GatewayProblems problems;

	@RequestMapping(PATH)
	Mono<Void> fallback(ServerWebExchange exchange) {
		Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		if (failure == null || route == null) {
			return this.problems.send(exchange, this.problems.problem(exchange, HttpStatus.NOT_FOUND, "not-found"));
		}
		String kind = GatewayProblems.downstreamFailure(failure);
		if (kind == null) {
			// not the service's fault (a body too large, say): answered like any other
			// error
			return Mono.error(failure);
		}
		RequestIdFilter.withRequestIdInLogs(exchange,
				() -> log.warn("Route {} could not complete {} {} ({}); answered 503 with Retry-After", route.getId(),
						exchange.getRequest().getMethod(), originalPath(exchange), failure.getClass().getSimpleName()));
		return this.problems.unavailable(exchange, kind, route.getId());
	}

	/** The path the client asked for, not the internal forward to this handler. */
	private static String originalPath(ServerWebExchange exchange) {
		Set<URI> original = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ORIGINAL_REQUEST_URL_ATTR);
		return (original != null && !original.isEmpty()) ? original.iterator().next().getPath()
				: exchange.getRequest().getPath().value();
	}

}
