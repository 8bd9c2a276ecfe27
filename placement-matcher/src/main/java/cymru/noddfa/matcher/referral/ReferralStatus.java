package cymru.noddfa.matcher.referral;

import java.util.Map;
import java.util.Set;

/** The referral lifecycle of DESIGN §3. */
enum ReferralStatus {

	OPEN, ESCALATED, OFFERED, ACCEPTED, PLACED, ENDED, CANCELLED;

	private static final Map<ReferralStatus, Set<ReferralStatus>> NEXT = Map.of(OPEN,
			Set.of(OFFERED, ESCALATED, CANCELLED), ESCALATED, Set.of(OFFERED, CANCELLED), OFFERED,
			Set.of(ACCEPTED, OPEN, CANCELLED), ACCEPTED, Set.of(PLACED, CANCELLED), PLACED, Set.of(ENDED), ENDED,
			Set.of(), CANCELLED, Set.of());

	boolean canMoveTo(ReferralStatus next) {
		return NEXT.get(this).contains(next);
	}

	boolean isWaiting() {
		return this == OPEN || this == ESCALATED;
	}

}
