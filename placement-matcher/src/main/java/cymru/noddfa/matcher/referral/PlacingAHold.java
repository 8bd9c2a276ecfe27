package cymru.noddfa.matcher.referral;

import java.time.Instant;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldPlaced;
import cymru.noddfa.matcher.search.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/referrals/{id}/holds}: a crisis team holds one bed for a waiting
 * referral, of the provision it picked or the best candidate. One transaction, each part
 * guarded: the referral's version, the team's cap, the ledger's free bed. A lost race is
 * a clean 409 with nothing changed.
 */
record PlacingAHold(ReferralRepository referrals, FindingBeds finding, OutOfRegionHolds outOfRegion, HeldBeds beds,
		Transactions transactions, ReferralEventPublisher events) {

	private static final Logger log = LoggerFactory.getLogger(PlacingAHold.class);

	/**
	 * Holds the bed; {@code reason} is needed when it is outside the child's home region
	 * ({@link OutOfRegionHolds}).
	 */
	Hold hold(ReferralId id, String pickedProvisionId, OutOfRegionReason reason, Caller caller) {
		Referral referral = this.referrals.load(id);
		ReferralAccess.requireHandledBy(referral, caller);
		referral.requireWaiting();
		Candidate candidate = this.finding.choose(referral, pickedProvisionId,
				(c) -> this.outOfRegion.mayPickUnasked(referral, c));
		ReferralEvent.Siting siting = this.outOfRegion.siting(referral, candidate, reason, caller);
		Instant now = this.outOfRegion.clock().instant();
		Hold hold = this.transactions.inOne(() -> {
			HoldPlaced placed = referral.offer(candidate.provisionId(), siting, this.beds.holdUntil(now), now);
			this.referrals.update(referral);
			Hold taken = this.beds.take(placed, referral.teamId());
			this.events.publish(placed, caller.subject());
			return taken;
		});
		log.info("Hold {} placed on provision {} for referral {}, expires {}", hold.id(), hold.provisionId(), id,
				hold.expiresAt());
		return hold;
	}

}
