package cymru.noddfa.panels.casework;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What this service publishes on {@code panels.case-events.v1}, key = referral id (the
 * contract is {@code contracts/panels.case-events.v1.schema.json}). Codes and ids only:
 * no reference, no names, no free text.
 */
public sealed interface CaseEvent
		permits CaseEvent.CaseOpened, CaseEvent.DecisionRecorded, CaseEvent.FundingWaitOverdue {

	UUID eventId();

	String type();

	Instant occurredAt();

	UUID caseId();

	long caseVersion();

	UUID referralId();

	String regionCode();

	/** A referral now needs its region's panel. */
	record CaseOpened(UUID eventId, String type, Instant occurredAt, UUID caseId, long caseVersion, UUID referralId,
			String regionCode, OpenedBecause openedBecause) implements CaseEvent {

		public static CaseOpened of(PanelCase opened) {
			return new CaseOpened(UUID.randomUUID(), "CaseOpened", opened.openedAt(), opened.id().value(),
					opened.version(), opened.referralId(), opened.region().value(), opened.openedBecause());
		}

	}

	/**
	 * The panel decided: the matcher reads approvals ({@code APPROVE_OUT_OF_REGION} with
	 * the referral and provision) from these.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DecisionRecorded(UUID eventId, String type, Instant occurredAt, UUID caseId, long caseVersion,
			UUID referralId, String regionCode, UUID decisionId, DecisionType decisionType, DecisionReason reasonCode,
			String provisionId, UUID supersedes) implements CaseEvent {

		public static DecisionRecorded of(PanelCase decided, Decision decision) {
			return new DecisionRecorded(UUID.randomUUID(), "DecisionRecorded", decision.decidedAt(),
					decided.id().value(), decided.version(), decided.referralId(), decided.region().value(),
					decision.id(), decision.type(), decision.reasonCode(), decision.provisionId(),
					decision.supersedes());
		}

	}

	/**
	 * A case has waited past the threshold for joint funding: at most once per case per
	 * calendar day (Europe/London) until funding is agreed.
	 */
	record FundingWaitOverdue(UUID eventId, String type, Instant occurredAt, UUID caseId, long caseVersion,
			UUID referralId, String regionCode, long daysWaiting) implements CaseEvent {

		public static FundingWaitOverdue of(PanelCase waiting, long daysWaiting, Instant at) {
			return new FundingWaitOverdue(UUID.randomUUID(), "FundingWaitOverdue", at, waiting.id().value(),
					waiting.version(), waiting.referralId(), waiting.region().value(), daysWaiting);
		}

	}

}
