package cymru.noddfa.matcher.referral;

import java.time.Clock;
import java.time.Instant;

/**
 * A hold ends without the child: declined by the provider or expired unanswered. The bed
 * and the team's count go back and the referral waits again, in one transaction.
 */
record ReleasingAHold(ReferralRepository referrals, HeldBeds beds, Transactions transactions,
		ReferralEventPublisher events, Clock clock) {

	Hold decline(ReferralId referralId, HoldId holdId, DeclineReason reason, String actor) {
		Instant now = this.clock.instant();
		return this.transactions.inOne(() -> {
			Referral referral = this.referrals.load(referralId);
			Hold hold = this.beds.load(holdId);
			return release(referral, hold, hold.decline(referral.id(), reason, now), actor);
		});
	}

	/**
	 * Refused ({@link ReferralConflict}) when the hold was answered or expired meanwhile.
	 */
	Hold expire(HoldId holdId) {
		Instant now = this.clock.instant();
		return this.transactions.inOne(() -> {
			Hold hold = this.beds.load(holdId);
			Referral referral = this.referrals.load(hold.referralId());
			return release(referral, hold, hold.expire(now), "system");
		});
	}

	private Hold release(Referral referral, Hold hold, Hold released, String actor) {
		ReferralEvent event = referral.holdReleased(released);
		this.beds.record(hold, released);
		this.referrals.update(referral);
		this.beds.giveBack(released);
		this.events.publish(event, actor);
		return released;
	}

}
