package cymru.noddfa.matcher.referral;

import java.time.Clock;
import java.time.Instant;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.referral.ReferralEvent.PlacementStarted;

/**
 * {@code POST /v1/referrals/{id}/placements}: the child arrived on the accepted hold. The
 * bed counts as placed on the ledger until the provider's next update includes the child.
 */
record StartingAPlacement(ReferralRepository referrals, HeldBeds beds, PlacementRepository placements,
		Transactions transactions, ReferralEventPublisher events, Clock clock) {

	Placement start(ReferralId referralId, Caller caller) {
		Instant now = this.clock.instant();
		return this.transactions.inOne(() -> {
			Referral referral = this.referrals.load(referralId);
			ReferralAccess.requireHandledBy(referral, caller);
			Hold hold = this.beds.live(referralId)
				.orElseThrow(() -> new ReferralConflict("referral-state", "No accepted hold"));
			Hold placed = hold.place(now);
			PlacementStarted started = referral.place(placed);
			this.beds.record(hold, placed);
			this.referrals.update(referral);
			this.beds.occupy(placed);
			Placement placement = Placement.started(started, placed);
			this.placements.insert(placement);
			this.events.publish(started, caller.subject());
			return placement;
		});
	}

}
