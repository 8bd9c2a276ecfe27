package cymru.noddfa.matcher.referral;

import java.time.Clock;
import java.time.Instant;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldAccepted;

/**
 * {@code POST /v1/referrals/{id}/holds/{holdId}/accept}: the provider keeping the held
 * bed takes the child. An expired or already answered hold is refused.
 */
record AcceptingAHold(ReferralRepository referrals, HeldBeds beds, ReferralAccess access, Transactions transactions,
		ReferralEventPublisher events, Clock clock) {

	Hold accept(ReferralId referralId, HoldId holdId, Caller caller) {
		Instant now = this.clock.instant();
		return this.transactions.inOne(() -> {
			Referral referral = this.referrals.load(referralId);
			Hold hold = this.beds.load(holdId);
			this.access.requireAnswersFor(hold, caller);
			Hold accepted = hold.accept(referral.id(), now);
			HoldAccepted event = referral.holdAccepted(accepted);
			this.beds.record(hold, accepted);
			this.referrals.update(referral);
			this.events.publish(event, caller.subject());
			return accepted;
		});
	}

}
