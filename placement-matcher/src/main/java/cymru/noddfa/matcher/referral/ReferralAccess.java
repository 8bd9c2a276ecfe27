package cymru.noddfa.matcher.referral;

import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.kit.security.Role;
import cymru.noddfa.matcher.availability.BedLedgerRepository;

/**
 * Who may see and move a referral, its holds and placements (README, Access). Referrals
 * are children's data: crisis teams and panels see their own region's, a crisis team of
 * the region moves them on, a provider answers for the beds it keeps, and admins see
 * none. The role rules per endpoint are in {@code AccessConfiguration}; these are the
 * checks against the stored object.
 */
record ReferralAccess(BedLedgerRepository ledger) {

	/**
	 * The crisis team and panel of the child's home region, and the crisis team of the
	 * region that referred the child from elsewhere.
	 */
	static void requireSeenBy(Referral referral, Caller caller) {
		if (!caller.seesRegion(referral.region().code()) && !isReferringTeam(referral, caller)) {
			throw new AccessRefused("referral");
		}
	}

	/**
	 * Only a crisis team of the child's home region, or of the region that referred the
	 * child, holds, places or cancels.
	 */
	static void requireHandledBy(Referral referral, Caller caller) {
		if (!caller.isCrisisTeamOf(referral.region().code()) && !isReferringTeam(referral, caller)) {
			throw new AccessRefused("referral");
		}
	}

	/**
	 * No wrong door: a crisis team refers a child of any home region, as the team of its
	 * own region (the token's), which becomes the referral's referring region.
	 */
	static RegionCode requireRefers(Caller caller) {
		if (!caller.has(Role.CRISIS_TEAM) || caller.region() == null) {
			throw new AccessRefused("region");
		}
		return new RegionCode(caller.region());
	}

	/**
	 * A crisis team also lists what its region referred for children of other regions; a
	 * panel only its own region's children.
	 */
	static boolean listsReferredFrom(RegionCode region, Caller caller) {
		return caller.isCrisisTeamOf(region.code());
	}

	private static boolean isReferringTeam(Referral referral, Caller caller) {
		return referral.referringRegion() != null && caller.isCrisisTeamOf(referral.referringRegion().code());
	}

	static void requireSeesRegion(RegionCode region, Caller caller) {
		if (!caller.seesRegion(region.code())) {
			throw new AccessRefused("region");
		}
	}

	/**
	 * Holds the caller may list: a provider's own beds, else its region's referrals and,
	 * for a crisis team, those it referred for children of other regions (as with the
	 * referrals themselves).
	 */
	static HoldsSeen holdsSeenBy(Caller caller) {
		if (caller.has(Role.PROVIDER) && caller.providerId() != null) {
			return new HoldsSeen(caller.providerId(), null, false);
		}
		if (caller.seesRegion(caller.region())) {
			RegionCode region = new RegionCode(caller.region());
			return new HoldsSeen(null, region, listsReferredFrom(region, caller));
		}
		throw new AccessRefused("holds");
	}

	/**
	 * Either the provider whose beds, or the region whose referrals (with those referred
	 * from it when {@code referredFrom}).
	 */
	record HoldsSeen(String providerId, RegionCode region, boolean referredFrom) {
	}

	/** Only the provider keeping the held bed answers for it. */
	void requireAnswersFor(Hold hold, Caller caller) {
		if (!keeps(caller, hold.provisionId())) {
			throw new AccessRefused("hold");
		}
	}

	/**
	 * The crisis team of the child's home region or of the referring region, or the
	 * provider keeping the bed.
	 */
	void requireMayEnd(Placement placement, Referral referral, Caller caller) {
		if (!caller.isCrisisTeamOf(referral.region().code()) && !isReferringTeam(referral, caller)
				&& !keeps(caller, placement.provisionId())) {
			throw new AccessRefused("placement");
		}
	}

	private boolean keeps(Caller caller, String provisionId) {
		return this.ledger.providerOf(provisionId).map(caller::actsForProvider).orElse(false);
	}

}
