package cymru.noddfa.notifications.panel;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of a {@code panels.case-events.v1} event this service reads. The panels
 * service owns the contract; fields it adds are ignored here.
 *
 * @param regionCode the child's home region, whose panel acts
 * @param openedBecause why a case opened ({@code CaseOpened} only)
 * @param daysWaiting days since escalation without a funding agreement
 * ({@code FundingWaitOverdue} only)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PanelCaseEvent(UUID eventId, String type, Instant occurredAt, UUID caseId, String referralId, String regionCode,
		String openedBecause, Integer daysWaiting) {

}
