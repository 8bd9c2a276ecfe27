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

	static void requireSeenBy(Referral referral, Caller caller) {
		if (!caller.seesRegion(referral.region().code())) {
			throw new AccessRefused("referral");
		}
	}

	/** Only a crisis team of the referral's region holds, places or cancels. */
	static void requireHandledBy(Referral referral, Caller caller) {
		if (!caller.isCrisisTeamOf(referral.region().code())) {
			throw new AccessRefused("referral");
		}
	}

	/** A crisis team refers children of its own region only. */
	static void requireRefersFor(String regionCode, Caller caller) {
		if (regionCode != null && !caller.isCrisisTeamOf(regionCode)) {
			throw new AccessRefused("region");
		}
	}

	static void requireSeesRegion(RegionCode region, Caller caller) {
		if (!caller.seesRegion(region.code())) {
			throw new AccessRefused("region");
		}
	}

	/** Holds the caller may list: a provider's own beds, else its region's referrals. */
	static HoldsSeen holdsSeenBy(Caller caller) {
		if (caller.has(Role.PROVIDER) && caller.providerId() != null) {
			return new HoldsSeen(caller.providerId(), null);
		}
		if (caller.seesRegion(caller.region())) {
			return new HoldsSeen(null, new RegionCode(caller.region()));
		}
		throw new AccessRefused("holds");
	}

	/** Either the provider whose beds, or the region whose referrals. */
	record HoldsSeen(String providerId, RegionCode region) {
	}

	/** Only the provider keeping the held bed answers for it. */
	void requireAnswersFor(Hold hold, Caller caller) {
		if (!keeps(caller, hold.provisionId())) {
			throw new AccessRefused("hold");
		}
	}

	/** The crisis team of the referral's region, or the provider keeping the bed. */
	void requireMayEnd(Placement placement, Referral referral, Caller caller) {
		if (!caller.isCrisisTeamOf(referral.region().code()) && !keeps(caller, placement.provisionId())) {
			throw new AccessRefused("placement");
		}
	}

	private boolean keeps(Caller caller, String provisionId) {
		return this.ledger.providerOf(provisionId).map(caller::actsForProvider).orElse(false);
	}

}
