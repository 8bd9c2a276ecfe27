package cymru.noddfa.matcher.referral;

import java.time.Instant;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldPlaced;

/**
 * One bed of one provision reserved for one referral until the provider answers or the
 * hold expires. Each step refuses the wrong state and returns the hold as it now is; its
 * row is stored only if it is still as this one was ({@link HoldRepository#update}).
 */
record Hold(HoldId id, ReferralId referralId, Bed bed, Instant placedAt, Instant expiresAt, Status status,
		Instant decidedAt, DeclineReason reasonCode) {

	enum Status {

		ACTIVE, ACCEPTED, DECLINED, EXPIRED, CANCELLED, PLACED

	}

	/**
	 * The provision and bed type held, the provision version the ledger showed when it
	 * was taken, the team whose cap it counts against, how it ranked, and where it is
	 * against the child's home region with the team's reason when out of region (region
	 * and reason unknown for holds placed before they were kept).
	 */
	record Bed(String provisionId, BedType bedType, long provisionVersion, String teamId, boolean inRegion,
			double distanceKm, String provisionRegionCode, OutOfRegionReason outOfRegionReason) {

		ReferralEvent.Siting siting() {
			return new ReferralEvent.Siting(this.provisionRegionCode, this.inRegion, this.distanceKm,
					this.inRegion ? null : this.outOfRegionReason);
		}

	}

	/** The hold as the referral placed it, on the bed the ledger gave. */
	static Hold placed(HoldPlaced placed, Bed bed) {
		return new Hold(placed.hold(), placed.about().referral(), bed, placed.about().occurredAt(), placed.expiresAt(),
				Status.ACTIVE, null, null);
	}

	/** The provider takes the child: only an active hold of this referral, in time. */
	Hold accept(ReferralId through, Instant at) {
		requireAnswerable(through, at);
		return move(Status.ACCEPTED, null, at);
	}

	/** The provider says no, with a reason code. */
	Hold decline(ReferralId through, DeclineReason reason, Instant at) {
		requireAnswerable(through, at);
		return move(Status.DECLINED, reason, at);
	}

	/** Nobody answered in time. */
	Hold expire(Instant at) {
		if (this.status != Status.ACTIVE || at.isBefore(this.expiresAt)) {
			throw conflict();
		}
		return move(Status.EXPIRED, null, at);
	}

	/** The child arrived on the accepted hold. */
	Hold place(Instant at) {
		if (this.status != Status.ACCEPTED) {
			throw new ReferralConflict("referral-state", "No accepted hold");
		}
		return move(Status.PLACED, null, at);
	}

	/** The referral was withdrawn while the hold was live (active or accepted). */
	Hold cancel(Instant at) {
		if (this.status != Status.ACTIVE && this.status != Status.ACCEPTED) {
			throw conflict();
		}
		return move(Status.CANCELLED, null, at);
	}

	String provisionId() {
		return this.bed.provisionId();
	}

	BedType bedType() {
		return this.bed.bedType();
	}

	private void requireAnswerable(ReferralId through, Instant at) {
		if (!this.referralId.equals(through) || this.status != Status.ACTIVE || !at.isBefore(this.expiresAt)) {
			throw conflict();
		}
	}

	private Hold move(Status next, DeclineReason reason, Instant at) {
		return new Hold(this.id, this.referralId, this.bed, this.placedAt, this.expiresAt, next, at,
				(reason != null) ? reason : this.reasonCode);
	}

	private ReferralConflict conflict() {
		return new ReferralConflict("hold-state",
				"Hold " + this.id + " of referral " + this.referralId + " is " + this.status);
	}

}
