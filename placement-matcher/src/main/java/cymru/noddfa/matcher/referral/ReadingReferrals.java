package cymru.noddfa.matcher.referral;

import java.util.List;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.referral.ReferralAuditRepository.Action;

/**
 * Every read of a referral, its holds and placements: only what the caller may see
 * ({@link ReferralAccess}), and each referral shown is a row in its audit trail.
 */
record ReadingReferrals(ReferralRepository referrals, HoldRepository holds, PlacementRepository placements,
		ReferralAuditRepository audit, Transactions transactions) {

	private static final int MOST = 200;

	Referral read(ReferralId id, Caller caller) {
		return this.transactions.inOne(() -> {
			Referral referral = this.referrals.load(id);
			ReferralAccess.requireSeenBy(referral, caller);
			this.audit.read(referral.id(), Action.READ, caller.subject());
			return referral;
		});
	}

	/**
	 * The newest referrals of a region the caller sees: its children's and, for its
	 * crisis team, those it referred for children of other regions.
	 */
	List<Referral> list(RegionCode region, ReferralStatus status, Caller caller) {
		ReferralAccess.requireSeesRegion(region, caller);
		return this.transactions.inOne(() -> {
			List<Referral> found = this.referrals.forRegion(region, ReferralAccess.listsReferredFrom(region, caller),
					status, MOST);
			found.forEach((referral) -> this.audit.read(referral.id(), Action.LISTED, caller.subject()));
			return found;
		});
	}

	List<Hold> holds(ReferralId id, Caller caller) {
		read(id, caller);
		return this.holds.ofReferral(id);
	}

	/**
	 * The holds a caller may see, newest first: a provider those on the beds it keeps, a
	 * crisis team or panel those of its region's referrals, and a crisis team also those
	 * of the referrals it made for another region's children.
	 */
	List<UnitHold> holdsSeenBy(Caller caller, Hold.Status status) {
		ReferralAccess.HoldsSeen seen = ReferralAccess.holdsSeenBy(caller);
		return this.transactions.inOne(() -> {
			List<UnitHold> found = (seen.providerId() != null) ? this.holds.ofProvider(seen.providerId(), status, MOST)
					: this.holds.inRegion(seen.region(), seen.referredFrom(), status, MOST);
			found.stream()
				.map(UnitHold::referralId)
				.distinct()
				.forEach(
						(referral) -> this.audit.read(new ReferralId(referral), Action.HOLDS_LISTED, caller.subject()));
			return found;
		});
	}

	Placement placement(PlacementId id, Caller caller) {
		Placement placement = this.placements.load(id);
		read(placement.referralId(), caller);
		return placement;
	}

}
