package cymru.noddfa.matcher.referral;

import java.time.Instant;

import cymru.noddfa.matcher.referral.ReferralEvent.PlacementStarted;

/**
 * A child placed in a provision: on which bed, in region or not, how far from where they
 * were, and when. It ends once.
 */
record Placement(PlacementId id, ReferralId referralId, HoldId holdId, Hold.Bed bed, Instant startedAt,
		Instant endedAt) {

	/** The placement as the referral started it, on the bed its hold kept. */
	static Placement started(PlacementStarted started, Hold hold) {
		return new Placement(started.placement(), started.about().referral(), hold.id(), hold.bed(),
				started.about().occurredAt(), null);
	}

	/** The child left; a placement ends once. */
	Placement end(Instant at) {
		if (this.endedAt != null) {
			throw new ReferralConflict("referral-state", "Placement already ended");
		}
		return new Placement(this.id, this.referralId, this.holdId, this.bed, this.startedAt, at);
	}

	String provisionId() {
		return this.bed.provisionId();
	}

}
