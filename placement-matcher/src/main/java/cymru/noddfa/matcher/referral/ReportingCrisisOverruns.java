package cymru.noddfa.matcher.referral;

import java.time.Clock;
import java.time.Instant;

import cymru.noddfa.matcher.availability.BedType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A crisis stay still open past its limit (72 h by default) is reported to the panel,
 * once: the placement is claimed by one guarded update, whichever instance gets there.
 */
record ReportingCrisisOverruns(PlacementRepository placements, ReferralRepository referrals, Transactions transactions,
		ReferralEventPublisher events, HoldProperties properties, Clock clock) {

	private static final Logger log = LoggerFactory.getLogger(ReportingCrisisOverruns.class);

	void report() {
		Instant now = this.clock.instant();
		this.transactions.inOne(() -> {
			for (Placement placement : this.placements.claimOverruns(BedType.CRISIS,
					now.minus(this.properties.crisisOverrun()), now)) {
				Referral referral = this.referrals.load(placement.referralId());
				this.events.publish(referral.overran(placement, now), "system");
				log.warn("Crisis placement {} at provision {} has been open more than {}; panel told", placement.id(),
						placement.provisionId(), this.properties.crisisOverrun());
			}
		});
	}

}
