package cymru.noddfa.notifications.panel;

import cymru.noddfa.notifications.alert.Audience;
import cymru.noddfa.notifications.contact.Role;

/**
 * Which panel case events the region's panel hears about, and how.
 * <ul>
 * <li>{@code FundingWaitOverdue}: a case has waited past the threshold for a joint
 * funding agreement. The panels service sends it at most once a day per case, so it is a
 * daily reminder: it respects quiet hours and does not climb the rota.</li>
 * <li>{@code CaseOpened} because a team asks to place a child out of region: a team is
 * waiting for the panel's approval, so it needs acknowledgement and climbs the rota.</li>
 * <li>{@code CaseOpened} because a crisis bed was held out of region: for the panel's
 * review, no acknowledgement.</li>
 * <li>{@code CaseOpened} on escalation or an overrunning crisis stay: nothing, as the
 * panel was already alerted by the matcher's {@code ReferralEscalated} or
 * {@code CrisisStayOverran}; {@code DecisionRecorded}: nothing, the panel made it.</li>
 * </ul>
 */
public final class PanelAlerts {

	private PanelAlerts() {
	}

	/**
	 * The message template for the event ({@code notification.<kind>}), or {@code null}
	 * when people are not told.
	 */
	public static String kind(String type, String openedBecause) {
		if ("FundingWaitOverdue".equals(type)) {
			return type;
		}
		if ("CaseOpened".equals(type)
				&& ("OUT_OF_REGION_REQUESTED".equals(openedBecause) || "OUT_OF_REGION_HOLD".equals(openedBecause))) {
			return type + "." + openedBecause;
		}
		return null;
	}

	static Audience audience(String kind) {
		return new Audience(Role.PANEL, "CaseOpened.OUT_OF_REGION_REQUESTED".equals(kind));
	}

}
