package cymru.noddfa.panels.casework;

import java.util.Optional;

import cymru.noddfa.panels.referral.ReferralEvent;

/** Why a referral needs its region's panel: the events that open a case. */
public enum OpenedBecause {

	/** No suitable bed in the child's region. */
	ESCALATED,

	/** A crisis stay passed 72 hours. */
	CRISIS_STAY_OVERRAN,

	/** A team asked to hold a non-crisis bed outside the child's region. */
	OUT_OF_REGION_REQUESTED,

	/** A crisis bed outside the child's region was held, for review afterwards. */
	OUT_OF_REGION_HOLD;

	/** Whether this event opens a case, and why. */
	public static Optional<OpenedBecause> of(ReferralEvent event) {
		if (event.is(ReferralEvent.ESCALATED)) {
			return Optional.of(ESCALATED);
		}
		if (event.is(ReferralEvent.CRISIS_STAY_OVERRAN)) {
			return Optional.of(CRISIS_STAY_OVERRAN);
		}
		if (event.is(ReferralEvent.OUT_OF_REGION_APPROVAL_REQUESTED)) {
			return Optional.of(OUT_OF_REGION_REQUESTED);
		}
		if (event.is(ReferralEvent.HOLD_PLACED) && Boolean.FALSE.equals(event.bedInChildsRegion())) {
			return Optional.of(OUT_OF_REGION_HOLD);
		}
		return Optional.empty();
	}

	/**
	 * An escalation or an overrun starts the wait for joint funding: the child needs a
	 * placement that no single body has agreed to pay for.
	 */
	boolean startsFundingWait() {
		return this == ESCALATED || this == CRISIS_STAY_OVERRAN;
	}

}
