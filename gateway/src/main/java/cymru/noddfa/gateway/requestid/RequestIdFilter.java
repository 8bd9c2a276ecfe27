package cymru.noddfa.gateway.requestid;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import cymru.noddfa.gateway.GatewayProperties;
import lombok.extern.slf4j.Slf4j;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id, taken from {@code X-Request-Id} when the client sent a sane
 * one, so one id follows a request through the gateway's logs, the service it reaches
 * (the header is forwarded) and the Kafka headers that service writes. The id is echoed
 * on the response, including on problems the gateway answers itself.
 * <p>
 * The id travels in the exchange's attributes ({@link #ATTRIBUTE}); the gateway's own log
 * lines about a request put it in the MDC where they are written
 * ({@link #withRequestIdInLogs}), so it is in their JSON as {@code requestId}.
 * <p>
 * Each answered request has an access-log line: at INFO when it failed (a status of 400
 * or more, or none) or took longer than {@code noddfa.gateway.access-log-slow-after}, at
 * DEBUG otherwise. A line a request for every search and update cost about a tenth of the
 * gateway's CPU, and the ingress in front of it logs every request already; the
 * {@code http.server.requests} metrics count them all. Setting the logger
 * {@value #ACCESS_LOG} to DEBUG writes every line again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@Slf4j(topic = RequestIdFilter.ACCESS_LOG)
public class RequestIdFilter implements WebFilter {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "requestId";

	public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".requestId";

	/**
	 * The logger of the line written when each request is answered;
	 * {@code logback-spring.xml} writes it from a background thread.
	 */
	public static final String ACCESS_LOG = "cymru.noddfa.gateway.access";

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final long slowAfterNanos;

	public RequestIdFilter(GatewayProperties properties) {
		this.slowAfterNanos = properties.accessLogSlowAfter().toNanos();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
		String requestId = (offered != null && SANE.matcher(offered).matches()) ? offered
				: UUID.randomUUID().toString();
		ServerHttpRequest request = exchange.getRequest().mutate().headers((h) -> h.set(HEADER, requestId)).build();
		ServerWebExchange withId = exchange.mutate().request(request).build();
		withId.getAttributes().put(ATTRIBUTE, requestId);
		withId.getResponse().beforeCommit(() -> {
			// set, not add: a service echoes the same id and the gateway copies its
			// headers
			withId.getResponse().getHeaders().set(HEADER, requestId);
			return Mono.empty();
		});
		long started = System.nanoTime();
		return chain.filter(withId).doFinally((signal) -> logCompletion(withId, started));
	}

	private void logCompletion(ServerWebExchange exchange, long started) {
		long tookNanos = System.nanoTime() - started;
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		boolean noteworthy = status == null || status.value() >= 400 || tookNanos > this.slowAfterNanos;
		if (noteworthy ? !log.isInfoEnabled() : !log.isDebugEnabled()) {
			return;
		}
		// the path only: query strings may carry search criteria
		withRequestIdInLogs(exchange, () -> {
			String format = "{} {} answered {} in {} ms";
			Object[] arguments = { exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
					(status != null) ? status.value() : "-", TimeUnit.NANOSECONDS.toMillis(tookNanos) };
			if (noteworthy) {
				log.info(format, arguments);
			}
			else {
				log.debug(format, arguments);
			}
		});
	}

	/**
	 * Runs {@code logging} with the id of {@code exchange}'s request in the MDC. Done
	 * where a line is written rather than by Reactor's automatic context propagation,
	 * which restores thread-locals on every signal of every request: a cost paid a
	 * hundred times a request for the few lines that are written.
	 */
	public static void withRequestIdInLogs(ServerWebExchange exchange, Runnable logging) {
		Object requestId = exchange.getAttribute(ATTRIBUTE);
		if (requestId == null) {
			logging.run();
			return;
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, requestId.toString())) {
			logging.run();
		}
	}

}
