package cymru.noddfa.gateway.problem;

import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import tools.jackson.databind.json.JsonMapper;

import cymru.noddfa.gateway.GatewayProperties;
import cymru.noddfa.gateway.requestid.RequestIdFilter;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquirePendingLimitException;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;

/**
 * Every error the gateway itself answers is an RFC 9457 problem: a stable {@code type}
 * per kind of error, title and detail from the message bundle in the caller's language,
 * and the request id so an operator can find the log lines. Nothing leaks a stack trace.
 * <p>
 * A downstream service that refuses connections or does not answer in time is a 503 with
 * {@code Retry-After}, never a 500 or a 504: the client's next move is the same either
 * way, to try again shortly.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
@Slf4j
public class GatewayProblems implements ErrorWebExceptionHandler, Ordered {

	public static final String TYPE_BASE = "https://noddfa.cymru/problems/";

	private final MessageSource messages;

	private final JsonMapper json;

	private final GatewayProperties properties;

	/**
	 * @param kind the stable last segment of the type URI, also the message key stem:
	 * {@code problem.<kind>.title} and {@code problem.<kind>.detail}
	 */
	public ProblemDetail problem(Locale locale, HttpStatusCode status, String kind, Object... args) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_BASE + kind));
		problem.setTitle(this.messages.getMessage("problem." + kind + ".title", null, kind, locale));
		problem.setDetail(this.messages.getMessage("problem." + kind + ".detail", args, null, locale));
		return problem;
	}

	public ProblemDetail problem(ServerWebExchange exchange, HttpStatusCode status, String kind, Object... args) {
		ProblemDetail problem = problem(locale(exchange), status, kind, args);
		Object requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

	/** A 503 that tells the client when to come back. */
	public Mono<Void> unavailable(ServerWebExchange exchange, String kind, String service) {
		ProblemDetail problem = problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, kind);
		if (service != null) {
			problem.setProperty("service", service);
		}
		exchange.getResponse()
			.getHeaders()
			.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, this.properties.retryAfter().toSeconds())));
		return send(exchange, problem);
	}

	public Mono<Void> send(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = this.json.writeValueAsString(asMap(problem)).getBytes(StandardCharsets.UTF_8);
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		exchange.getResponse().getHeaders().clearContentHeaders();
		if (isCause(ex, DataBufferLimitException.class) || hasStatus(ex, HttpStatus.CONTENT_TOO_LARGE)) {
			ProblemDetail problem = problem(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					this.properties.maxBodySize().toBytes());
			problem.setProperty("field", "body");
			return send(exchange, problem);
		}
		if (hasStatus(ex, HttpStatus.NOT_FOUND)) {
			return send(exchange, problem(exchange, HttpStatus.NOT_FOUND, "not-found"));
		}
		if (hasStatus(ex, HttpStatus.METHOD_NOT_ALLOWED)) {
			return send(exchange, problem(exchange, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed"));
		}
		String kind = downstreamFailure(ex);
		if (kind != null) {
			RequestIdFilter.withRequestIdInLogs(exchange,
					() -> log.warn("Downstream {} for {} {}: answered 503 with Retry-After", kind.replace('-', ' '),
							exchange.getRequest().getMethod(), exchange.getRequest().getPath()));
			return unavailable(exchange, kind, null);
		}
		if (ex instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError()) {
			return send(exchange, problem(exchange, status.getStatusCode(), "request-rejected"));
		}
		RequestIdFilter.withRequestIdInLogs(exchange,
				() -> log.error("Request {} {} failed unexpectedly; answered 500 without details",
						exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex));
		return send(exchange, problem(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"));
	}

	/**
	 * {@code service-timeout} or {@code service-unavailable} when the failure is a
	 * downstream that did not answer, else {@code null}.
	 */
	public static String downstreamFailure(Throwable ex) {
		// before the timeouts: a pool's acquire timeout is one, but the service was never
		// asked, as when it is stopped
		if (isCause(ex, PoolAcquireTimeoutException.class) || isCause(ex, PoolAcquirePendingLimitException.class)) {
			return "service-unavailable";
		}
		if (isCause(ex, TimeoutException.class)
				|| isCause(ex, org.springframework.cloud.gateway.support.TimeoutException.class)
				|| hasStatus(ex, HttpStatus.GATEWAY_TIMEOUT)) {
			return "service-timeout";
		}
		if (isCause(ex, ConnectException.class) || isCause(ex, ConnectTimeoutException.class)
				|| isCause(ex, CallNotPermittedException.class) || isCause(ex, java.io.IOException.class)
				|| hasStatus(ex, HttpStatus.SERVICE_UNAVAILABLE) || hasStatus(ex, HttpStatus.BAD_GATEWAY)) {
			return "service-unavailable";
		}
		return null;
	}

	@Override
	public int getOrder() {
		// before Spring Boot's own handler, which would answer with its own JSON shape
		return -2;
	}

	static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.ENGLISH;
	}

	private static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			body.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

	private static boolean hasStatus(Throwable ex, HttpStatus status) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof ResponseStatusException rse && rse.getStatusCode().value() == status.value()) {
				return true;
			}
		}
		return false;
	}

	private static boolean isCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
