package cymru.noddfa.kit.audit;

import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/audit}: the trail for admins (the kit's security rules allow no one
 * else), newest first.
 */
@RestController
@RequiredArgsConstructor
class AuditController {

	static final int MAX_LIMIT = 1000;

	private final AuditTrail trail;

	@GetMapping("/v1/audit")
	List<AuditEntry> audit(@RequestParam(required = false) String subject, @RequestParam(required = false) String path,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidAuditQuery("limit");
		}
		return this.trail.find(subject, path, from, to, limit);
	}

}
