package cymru.noddfa.panels.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A case in a panel's queue: whose, why, and how long the child has waited.
 *
 * @param minutesSinceReferral from the referral to now (or to the case's closing);
 * {@code null} when the referral's creation was never seen
 * @param minutesSinceEscalation likewise from the escalation; {@code null} when not
 * escalated
 * @param daysWaitingForFunding whole days since the funding clock started, while it runs
 * @param flags {@code WAITING_FOR_FUNDING}, {@code FUNDING_OVERDUE},
 * {@code OUT_OF_REGION}, {@code CRISIS_STAY_OVERRAN}
 */
public record CaseSummary(UUID id, UUID referralId, String regionCode, String referringRegionCode, CaseStatus status,
		OpenedBecause openedBecause, Instant openedAt, Instant escalatedAt, Long minutesSinceReferral,
		Long minutesSinceEscalation, Long daysWaitingForFunding, List<String> flags) {

	public static CaseSummary of(PanelCase panelCase, Instant referredAt, Instant now, Duration fundingThreshold) {
		Instant until = panelCase.waitsUntil(now);
		List<String> flags = new ArrayList<>();
		if (panelCase.waitingForFunding()) {
			flags.add("WAITING_FOR_FUNDING");
		}
		if (panelCase.fundingOverdue(now, fundingThreshold)) {
			flags.add("FUNDING_OVERDUE");
		}
		if (panelCase.openedBecause() == OpenedBecause.OUT_OF_REGION_HOLD
				|| panelCase.openedBecause() == OpenedBecause.OUT_OF_REGION_REQUESTED) {
			flags.add("OUT_OF_REGION");
		}
		if (panelCase.openedBecause() == OpenedBecause.CRISIS_STAY_OVERRAN) {
			flags.add("CRISIS_STAY_OVERRAN");
		}
		return new CaseSummary(panelCase.id().value(), panelCase.referralId(), panelCase.region().value(),
				(panelCase.referringRegion() != null) ? panelCase.referringRegion().value() : null, panelCase.status(),
				panelCase.openedBecause(), panelCase.openedAt(), panelCase.escalatedAt(), minutes(referredAt, until),
				minutes(panelCase.escalatedAt(), until), panelCase.daysWaitingForFunding(now), List.copyOf(flags));
	}

	private static Long minutes(Instant from, Instant until) {
		return (from != null) ? Math.max(0, Duration.between(from, until).toMinutes()) : null;
	}

}
