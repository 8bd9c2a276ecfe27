package cymru.noddfa.panels.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One decision of a panel on a case, by a named member at a time, with its coded reason.
 * Never changed once recorded: a correction is a new decision that {@code supersedes}
 * this one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Decision(UUID id, UUID caseId, DecisionType type, DecisionReason reasonCode, String decidedBy,
		Instant decidedAt, String provisionId, Integer localAuthoritySharePercent, Integer healthBoardSharePercent,
		LocalDate agreedOn, String agreementReference, InformationFrom informationFrom, LocalDate informationBy,
		UUID supersedes) {

}
