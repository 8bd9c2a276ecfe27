package cymru.noddfa.kit.audit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records an audited request with its outcome before the answer leaves: the response is
 * held back until the audit row is written, so a client never sees a change acknowledged
 * that the trail does not show. If the row cannot be written (the database gone between
 * the change and its record), the whole entry goes to the error log instead and the
 * client still gets the true outcome: a change that happened must never be answered as a
 * failure. A write the service recorded in its own transaction
 * ({@link AuditTrail#recordWithChange}) is not recorded twice.
 */
@RequiredArgsConstructor
@Slf4j
public class AuditFilter extends OncePerRequestFilter {

	private final AuditTrail trail;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.trail.covers(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
		int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
		try {
			chain.doFilter(request, held);
			status = held.getStatus();
		}
		finally {
			try {
				if (!AuditTrail.recordedWithChange(request, status)) {
					this.trail.record(request, status);
				}
			}
			catch (RuntimeException ex) {
				log.error("Audit trail unavailable; entry kept here instead: {} {} query={} status={} subject={}",
						request.getMethod(), request.getRequestURI(),
						AuditTrail.withoutSecrets(request.getQueryString()), status,
						(request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : "anonymous", ex);
			}
			held.copyBodyToResponse();
		}
	}

}
