package cymru.noddfa.matcher.referral;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The matcher's own reading of {@code panels.case-events.v1} (the panels service owns the
 * contract): only what out-of-region approvals need. A record without its id, type or
 * referral cannot be applied and is refused as it is read, so it goes to the dead-letter
 * topic at once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PanelCaseEvent(UUID eventId, String type, Instant occurredAt, UUID referralId, UUID decisionId,
		String decisionType, String provisionId, UUID supersedes) {

	PanelCaseEvent {
		if (eventId == null || type == null || referralId == null) {
			throw new IllegalArgumentException("A panel case event needs eventId, type and referralId");
		}
	}

	boolean isDecision() {
		return "DecisionRecorded".equals(this.type);
	}

	boolean approves() {
		return "APPROVE_OUT_OF_REGION".equals(this.decisionType) && this.provisionId != null;
	}

	boolean refuses() {
		return "REFUSE_OUT_OF_REGION".equals(this.decisionType) && this.provisionId != null;
	}

}
