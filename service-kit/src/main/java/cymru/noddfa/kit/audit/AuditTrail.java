package cymru.noddfa.kit.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import cymru.noddfa.kit.RequestIdFilter;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.kit.security.Callers;

import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The service's audit trail in its own database: writes are recorded with their outcome
 * before the answer leaves ({@link AuditFilter}), refusals too, and reads of the paths
 * {@link AuditProperties#readPaths()} names. A service may record a write inside the
 * write's own transaction instead ({@link #recordWithChange}), so the change and its
 * record commit together; the filter then records only what that did not.
 */
public class AuditTrail {

	/**
	 * Request attribute: the status a committed {@link #recordWithChange} recorded.
	 */
	static final String RECORDED_WITH_CHANGE = AuditTrail.class.getName() + ".recordedWithChange";

	private static final Pattern SIGNATURE = Pattern.compile("(^|&)sig=[^&]*");

	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final JdbcClient jdbc;

	private final JdbcClient withChanges;

	private final Clock clock;

	private final List<PathPattern> readPaths;

	/**
	 * @param jdbc the trail's own connections, for records made after the request's work
	 * @param withChanges the service's own data source, whose connection a
	 * {@link #recordWithChange} shares with the change's transaction
	 */
	public AuditTrail(JdbcClient jdbc, JdbcClient withChanges, Clock clock, AuditProperties properties) {
		this.jdbc = jdbc;
		this.withChanges = withChanges;
		this.clock = clock;
		this.readPaths = properties.readPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
	}

	/** Writes always; reads only of the sensitive paths. */
	public boolean covers(HttpServletRequest request) {
		if (WRITES.contains(request.getMethod())) {
			return true;
		}
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		return this.readPaths.stream().anyMatch((pattern) -> pattern.matches(path));
	}

	void record(HttpServletRequest request, int status) {
		insert(this.jdbc, request, status);
	}

	/**
	 * Records the request, with the status it is about to be answered with, in the
	 * change's own open transaction: the change and its record commit together or not at
	 * all, in one statement more rather than a second transaction on another connection
	 * after it. Once that transaction has committed the filter leaves the request alone,
	 * unless the answer turns out to be another status, which it records as well; if it
	 * rolls back, the filter records the failure as it does for any request.
	 */
	public void recordWithChange(HttpServletRequest request, int status) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException("recordWithChange needs the transaction of the change");
		}
		insert(this.withChanges, request, status);
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				request.setAttribute(RECORDED_WITH_CHANGE, status);
			}
		});
	}

	/** Whether the change's transaction already recorded the request with this status. */
	static boolean recordedWithChange(HttpServletRequest request, int status) {
		return Integer.valueOf(status).equals(request.getAttribute(RECORDED_WITH_CHANGE));
	}

	private void insert(JdbcClient jdbc, HttpServletRequest request, int status) {
		Caller caller = Callers.current().orElse(null);
		jdbc.sql("""
				insert into audit_event (at, subject, roles, tenant, method, path, query, status, request_id)
				values (:at, :subject, :roles, :tenant, :method, :path, :query, :status, :requestId)
				""")
			.param("at", Timestamp.from(this.clock.instant()))
			.param("subject", (caller != null) ? caller.subject() : "anonymous")
			.param("roles", (caller != null) ? caller.roleNames() : "")
			.param("tenant", (caller != null) ? caller.tenant() : null)
			.param("method", request.getMethod())
			.param("path", request.getRequestURI())
			.param("query", withoutSecrets(request.getQueryString()))
			.param("status", status)
			.param("requestId", MDC.get(RequestIdFilter.MDC_KEY))
			.update();
	}

	/**
	 * The query as stored and logged: a signed link's {@code sig} is a bearer credential
	 * for as long as the link lives, so the trail keeps only that one was given.
	 */
	static String withoutSecrets(String query) {
		return (query != null) ? SIGNATURE.matcher(query).replaceAll("$1sig=…") : null;
	}

	/** A request the role rules refused before it reached the service. */
	public void recordRefusal(HttpServletRequest request, int status) {
		if (covers(request)) {
			record(request, status);
		}
	}

	/**
	 * Newest first, filtered by whichever of subject, path prefix and period are given.
	 */
	public List<AuditEntry> find(String subject, String pathPrefix, Instant from, Instant to, int limit) {
		return this.jdbc.sql("""
				select id, at, subject, roles, tenant, method, path, query, status, request_id
				from audit_event
				where (cast(:subject as text) is null or subject = :subject)
				  and (cast(:path as text) is null or path like :path || '%')
				  and (cast(:from as timestamptz) is null or at >= :from)
				  and (cast(:to as timestamptz) is null or at < :to)
				order by at desc, id desc
				limit :limit
				""")
			.param("subject", subject)
			.param("path", (pathPrefix != null) ? pathPrefix.replace("%", "\\%").replace("_", "\\_") : null)
			.param("from", (from != null) ? Timestamp.from(from) : null)
			.param("to", (to != null) ? Timestamp.from(to) : null)
			.param("limit", limit)
			.query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("subject"), rs.getString("roles"), rs.getString("tenant"), rs.getString("method"),
					rs.getString("path"), rs.getString("query"), rs.getInt("status"), rs.getString("request_id")))
			.list();
	}

}
