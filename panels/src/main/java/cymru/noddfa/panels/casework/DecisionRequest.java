package cymru.noddfa.panels.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A decision as a panel member states it. Which fields a kind of decision needs is the
 * case's rule ({@link PanelCase#record}); shares are read as decimals so that a fraction
 * is refused rather than silently rounded.
 *
 * @param supersedes an earlier decision of the same case this one corrects; both stay on
 * the timeline
 */
public record DecisionRequest(DecisionType type, DecisionReason reasonCode, String provisionId,
		BigDecimal localAuthoritySharePercent, BigDecimal healthBoardSharePercent, LocalDate agreedOn,
		String agreementReference, InformationFrom informationFrom, LocalDate informationBy, UUID supersedes) {

}
