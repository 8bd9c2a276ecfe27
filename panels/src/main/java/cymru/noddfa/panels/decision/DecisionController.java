package cymru.noddfa.panels.decision;

import java.net.URI;
import java.util.UUID;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.panels.casework.CaseId;
import cymru.noddfa.panels.casework.Decision;
import cymru.noddfa.panels.casework.DecisionRequest;
import lombok.RequiredArgsConstructor;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A panel member records a decision on a case of their region. Decisions are append-only:
 * there is no route that changes or removes one; a correction is a new decision naming
 * the one it {@code supersedes}.
 */
@RestController
@RequiredArgsConstructor
class DecisionController {

	private final DecisionStore store;

	@PostMapping("/v1/cases/{id}/decisions")
	ResponseEntity<Decision> record(Caller caller, @PathVariable UUID id, @RequestBody DecisionRequest request) {
		Decision decision = this.store.record(new CaseId(id), request, caller);
		return ResponseEntity.created(URI.create("/v1/cases/" + id + "#decision-" + decision.id())).body(decision);
	}

}
