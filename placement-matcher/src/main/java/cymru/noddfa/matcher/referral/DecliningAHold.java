package cymru.noddfa.matcher.referral;

import cymru.noddfa.kit.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/referrals/{id}/holds/{holdId}/decline}: the provider keeping the held
 * bed says no, with a reason code. The bed goes back and the referral is matched again,
 * without the provision that declined it.
 */
record DecliningAHold(ReferralRepository referrals, HeldBeds beds, ReferralAccess access, ReleasingAHold releasing,
		RematchingAReferral rematching) {

	private static final Logger log = LoggerFactory.getLogger(DecliningAHold.class);

	Hold decline(ReferralId referralId, HoldId holdId, DeclineReason reason, Caller caller) {
		this.referrals.load(referralId);
		this.access.requireAnswersFor(this.beds.load(holdId), caller);
		Hold hold = this.releasing.decline(referralId, holdId, reason, caller.subject());
		log.info("Hold {} declined ({}); referral {} is open again", holdId, reason, referralId);
		try {
			this.rematching.recheck(referralId);
		}
		catch (RuntimeException ex) {
			// the decline is committed and must be answered as such; the referral waits
			// for the next change of a provision to be matched again
			log.warn("Referral {} not matched again after the decline ({}); the next provision change does it",
					referralId, ex.getClass().getSimpleName());
		}
		return hold;
	}

}
