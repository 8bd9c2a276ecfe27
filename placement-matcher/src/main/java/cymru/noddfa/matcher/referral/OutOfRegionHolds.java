package cymru.noddfa.matcher.referral;

import java.time.Clock;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.search.Candidate;
import cymru.noddfa.matcher.search.RejectedInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Out-of-region governance (DESIGN §3): a bed outside the child's home region needs the
 * team's reason; a {@code CRISIS} bed may then be held at any hour (the child cannot wait
 * for a meeting; the panel reviews it afterwards), any other bed type only once the home
 * region's panel has approved that provision for the referral. Until then the hold is
 * refused and the panel is asked, once per referral and provision.
 */
record OutOfRegionHolds(PanelApprovals approvals, Transactions transactions, ReferralEventPublisher events,
		Clock clock) {

	private static final Logger log = LoggerFactory.getLogger(OutOfRegionHolds.class);

	/**
	 * Where the candidate's bed is against the child's home region, if the team may hold
	 * it now: a 400 naming {@code outOfRegionReason} without a reason, a 409
	 * {@code panel-approval-pending} while a non-crisis bed waits for the panel.
	 */
	ReferralEvent.Siting siting(Referral referral, Candidate candidate, OutOfRegionReason reason, Caller caller) {
		if (candidate.inRegion()) {
			return new ReferralEvent.Siting(candidate.regionCode(), true, candidate.distanceKm(), null);
		}
		if (reason == null) {
			throw new RejectedInput("outOfRegionReason", "out-of-region-reason-required", referral.region().code());
		}
		if (referral.bedType() != BedType.CRISIS
				&& !this.approvals.isApproved(referral.id(), candidate.provisionId())) {
			askPanel(referral, candidate.provisionId(), reason, caller);
			throw new ReferralConflict("panel-approval-pending", "Provision " + candidate.provisionId()
					+ " is outside the child's home region and waits for the panel's approval");
		}
		return new ReferralEvent.Siting(candidate.regionCode(), false, candidate.distanceKm(), reason);
	}

	/**
	 * Whether an automatic hold may pick this candidate without asking anyone: in region,
	 * a crisis bed, or already approved.
	 */
	boolean mayPickUnasked(Referral referral, Candidate candidate) {
		return candidate.inRegion() || referral.bedType() == BedType.CRISIS
				|| this.approvals.approvedProvisions(referral.id()).contains(candidate.provisionId());
	}

	/** Committed on its own, so the request stands although the hold is refused. */
	private void askPanel(Referral referral, String provisionId, OutOfRegionReason reason, Caller caller) {
		this.transactions.inOne(() -> {
			if (this.approvals.requestedFirstTime(referral.id(), provisionId, this.clock.instant())) {
				this.events.publish(referral.approvalRequested(provisionId, reason, this.clock.instant()),
						caller.subject());
				log.info("Referral {} asks the {} panel to approve provision {} out of region", referral.id(),
						referral.region(), provisionId);
			}
			return null;
		});
	}

}
