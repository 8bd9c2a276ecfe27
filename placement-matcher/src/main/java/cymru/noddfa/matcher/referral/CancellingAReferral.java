package cymru.noddfa.matcher.referral;

import java.time.Clock;
import java.time.Instant;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralCancelled;

/**
 * {@code POST /v1/referrals/{id}/cancel}: the crisis team withdraws the referral from any
 * open status; a held bed goes back at once.
 */
record CancellingAReferral(ReferralRepository referrals, HeldBeds beds, Transactions transactions,
		ReferralEventPublisher events, Clock clock) {

	Referral cancel(ReferralId referralId, Caller caller) {
		Instant now = this.clock.instant();
		return this.transactions.inOne(() -> {
			Referral referral = this.referrals.load(referralId);
			ReferralAccess.requireHandledBy(referral, caller);
			Hold live = this.beds.live(referralId).orElse(null);
			ReferralCancelled event = referral.cancel(live, now);
			if (live != null) {
				Hold cancelled = live.cancel(now);
				this.beds.record(live, cancelled);
				this.beds.giveBack(cancelled);
			}
			this.referrals.update(referral);
			this.events.publish(event, caller.subject());
			return referral;
		});
	}

}
