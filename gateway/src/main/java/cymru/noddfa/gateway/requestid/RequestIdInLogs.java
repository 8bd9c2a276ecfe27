package cymru.noddfa.gateway.requestid;

import org.slf4j.MDC;

import org.springframework.web.server.ServerWebExchange;

/**
 * Puts the request's id in the MDC for the log lines written while answering it, so each
 * JSON line carries {@code requestId}. Done where a line is written rather than by
 * Reactor's automatic context propagation, which restores thread-locals on every signal
 * of every request: a cost paid a hundred times a request for the few lines that are
 * written.
 */
public final class RequestIdInLogs {

	private RequestIdInLogs() {
	}

	/** Runs {@code logging} with the id of {@code exchange}'s request in the MDC. */
	public static void around(ServerWebExchange exchange, Runnable logging) {
		Object requestId = exchange.getAttribute(RequestIdFilter.ATTRIBUTE);
		if (requestId == null) {
			logging.run();
			return;
		}
		try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.MDC_KEY, requestId.toString())) {
			logging.run();
		}
	}

}
