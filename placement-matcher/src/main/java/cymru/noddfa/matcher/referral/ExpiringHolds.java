package cymru.noddfa.matcher.referral;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds nobody answered in time: each bed goes back and its referral is matched again.
 * Safe on every instance at once: each expiry is a guarded update only one can win.
 */
record ExpiringHolds(HoldRepository holds, ReleasingAHold releasing, RematchingAReferral rematching, Clock clock) {

	private static final Logger log = LoggerFactory.getLogger(ExpiringHolds.class);

	void expireDue() {
		for (Hold due : this.holds.expired(this.clock.instant(), 100)) {
			Hold hold;
			try {
				hold = this.releasing.expire(due.id());
			}
			catch (ReferralConflict ex) {
				// answered or expired by another instance in the meantime
				continue;
			}
			log.info("Hold {} on provision {} expired; referral {} is open again", hold.id(), hold.provisionId(),
					hold.referralId());
			this.rematching.recheck(hold.referralId());
		}
	}

}
