package cymru.noddfa.notifications.alert;

import cymru.noddfa.notifications.contact.Role;

/**
 * Who must hear about a kind of event, and whether they must say they have.
 *
 * @param needsAcknowledgement the alert climbs the rota until someone acknowledges it
 */
public record Audience(Role role, boolean needsAcknowledgement) {

	/** The people an event type is for, or {@code null} when it is for systems only. */
	public static Audience of(String eventType) {
		return switch (eventType) {
			case "HoldPlaced" -> new Audience(Role.PROVIDER, true);
			case "ReferralEscalated" -> new Audience(Role.PANEL, true);
			case "CrisisStayOverran" -> new Audience(Role.PANEL, false);
			case "HoldAccepted", "HoldDeclined", "HoldExpired", "MatchAvailable" ->
				new Audience(Role.CRISIS_TEAM, false);
			case "VacancyUnconfirmed" -> new Audience(Role.PROVIDER, false);
			// a daily reminder from the panels service; CaseOpened's audience depends on
			// why it opened (panel/PanelAlerts)
			case "FundingWaitOverdue" -> new Audience(Role.PANEL, false);
			default -> null;
		};
	}

}
