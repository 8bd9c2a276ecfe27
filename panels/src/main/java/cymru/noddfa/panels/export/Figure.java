package cymru.noddfa.panels.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cymru.noddfa.panels.outcome.OutcomeFigures;

/**
 * One row of the outcomes export: a stable code, its label's message key, and the value
 * (empty when there is nothing to measure).
 */
record Figure(String code, String labelKey, Object[] labelArgs, Object value) {

	static List<Figure> rows(OutcomeFigures figures) {
		List<Figure> rows = new ArrayList<>();
		add(rows, "referrals", figures.referrals());
		add(rows, "minutesToFirstHoldMedian", figures.minutesToFirstHoldMedian());
		add(rows, "minutesToFirstHoldP90", figures.minutesToFirstHoldP90());
		add(rows, "minutesToPlacementMedian", figures.minutesToPlacementMedian());
		add(rows, "minutesToPlacementP90", figures.minutesToPlacementP90());
		add(rows, "placed", figures.placed());
		add(rows, "placedInRegionPercent", figures.placedInRegionPercent());
		add(rows, "kmFromChildMedian", figures.kmFromChildMedian());
		add(rows, "aAndENightsAvoided", figures.aAndENightsAvoided());
		add(rows, "escalations", figures.escalations());
		add(rows, "crisisStaysPast72h", figures.crisisStaysPast72h());
		add(rows, "daysToFundingAgreementMedian", figures.daysToFundingAgreementMedian());
		add(rows, "casesWaitingForFunding", figures.casesWaitingForFunding());
		byReason(rows, "declines", figures.declinesByReason());
		byReason(rows, "outOfRegionPlacements", figures.outOfRegionPlacementsByReason());
		return rows;
	}

	private static void add(List<Figure> rows, String code, Object value) {
		rows.add(new Figure(code, "figure." + code, null, (value != null) ? value : ""));
	}

	private static void byReason(List<Figure> rows, String code, Map<String, Long> counts) {
		counts.forEach((reason, count) -> rows
			.add(new Figure(code + "." + reason, "figure." + code, new Object[] { reason }, count)));
	}

}
