package cymru.noddfa.kit;

import java.io.IOException;
import java.util.concurrent.Semaphore;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.extern.slf4j.Slf4j;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most so many requests are worked on at once; the next one is answered at once with a
 * 503 problem and {@code Retry-After}. On virtual threads nothing else bounds a service:
 * past its database pool, requests would queue until every one of them timed out, and a
 * service that answers nobody in time is worse than one that turns some away quickly.
 * Probes and the rest of the actuator are never turned away, so an overloaded service is
 * never taken for a dead one. A streaming answer (the live feed) holds no place once it
 * has started.
 */
@Slf4j
public final class AdmissionControl extends OncePerRequestFilter {

	private final Semaphore places;

	private final ProblemResponses problems;

	public AdmissionControl(int maxInFlight, ProblemResponses problems) {
		this.places = new Semaphore(maxInFlight);
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getRequestURI().startsWith("/actuator");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.places.tryAcquire()) {
			log.warn("Turned away {} {}: every place is taken", request.getMethod(), request.getRequestURI());
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			this.problems.send(request, response, HttpStatus.SERVICE_UNAVAILABLE, "overloaded");
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.places.release();
		}
	}

	/** Places free now, for tests. */
	int free() {
		return this.places.availablePermits();
	}

}
