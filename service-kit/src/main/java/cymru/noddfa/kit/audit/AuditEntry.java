package cymru.noddfa.kit.audit;

import java.time.Instant;

/**
 * One audited request: who (subject, roles, tenant), what (method, path, query), the
 * outcome (HTTP status) and the request id that ties it to logs and events. Never a body:
 * children's details stay out of the trail.
 */
public record AuditEntry(long id, Instant at, String subject, String roles, String tenant, String method, String path,
		String query, int status, String requestId) {

}
