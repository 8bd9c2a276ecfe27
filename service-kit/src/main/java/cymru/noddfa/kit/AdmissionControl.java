package cymru.noddfa.kit;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

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

	private static final long LOG_EVERY_NANOS = 1_000_000_000L;

	private final Semaphore places;

	private final ProblemResponses problems;

	private final AtomicLong turnedAway = new AtomicLong();

	private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

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
			turnedAway(request);
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

	/**
	 * Logged at most once a second, with how many were turned away since: a line per
	 * refusal would add work to every request exactly while there is too much of it.
	 */
	private void turnedAway(HttpServletRequest request) {
		this.turnedAway.incrementAndGet();
		long now = System.nanoTime();
		long last = this.lastLogged.get();
		if (now - last >= LOG_EVERY_NANOS && this.lastLogged.compareAndSet(last, now)) {
			long since = this.turnedAway.getAndSet(0);
			log.warn("Turned away {} request(s) since the last such line, every place taken (latest: {} {})", since,
					request.getMethod(), request.getRequestURI());
		}
	}

	/** Places free now, for tests. */
	int free() {
		return this.places.availablePermits();
	}

}
