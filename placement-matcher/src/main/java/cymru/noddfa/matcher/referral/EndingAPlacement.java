package cymru.noddfa.matcher.referral;

import java.time.Clock;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.referral.ReferralEvent.PlacementEnded;

/**
 * {@code POST /v1/placements/{id}/end}: the child left, said by the crisis team of the
 * referral's region or by the provider keeping the bed.
 */
record EndingAPlacement(ReferralRepository referrals, PlacementRepository placements, ReferralAccess access,
		Transactions transactions, ReferralEventPublisher events, Clock clock) {

	Placement end(PlacementId placementId, Caller caller) {
		return this.transactions.inOne(() -> {
			Placement placement = this.placements.load(placementId);
			Referral referral = this.referrals.load(placement.referralId());
			this.access.requireMayEnd(placement, referral, caller);
			Placement ended = placement.end(this.clock.instant());
			PlacementEnded event = referral.end(ended);
			this.placements.updateEnded(ended);
			this.referrals.update(referral);
			this.events.publish(event, caller.subject());
			return ended;
		});
	}

}
