package cymru.noddfa.notifications.subscription;

/**
 * The events a subscription can ask for: the placement matcher's referral lifecycle
 * steps, named as on {@code matching.referral-events.v1}, and the panels' case events
 * that tell people something ({@code panels.case-events.v1}).
 */
public enum EventType {

	ReferralCreated, HoldPlaced, HoldAccepted, HoldDeclined, HoldExpired, PlacementStarted, PlacementEnded,
	ReferralEscalated, MatchAvailable, CrisisStayOverran, ReferralCancelled, OutOfRegionApprovalRequested, CaseOpened,
	FundingWaitOverdue;

	/** The type named in an event, or {@code null} for one this service does not know. */
	public static EventType named(String name) {
		for (EventType type : values()) {
			if (type.name().equals(name)) {
				return type;
			}
		}
		return null;
	}

}
