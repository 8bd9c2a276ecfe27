package cymru.noddfa.matcher.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import cymru.noddfa.matcher.search.Candidate;
import cymru.noddfa.matcher.search.SearchResult;

/**
 * A referral waits again (its hold was declined or expired): it is escalated when nothing
 * fits in its region, otherwise its team hears of the best fit it has not been told of.
 */
record RematchingAReferral(ReferralRepository referrals, FindingBeds finding, Escalating escalating,
		AnnouncingMatches announcing, Transactions transactions, Clock clock) {

	void recheck(ReferralId id) {
		Referral referral = this.referrals.find(id).orElse(null);
		if (referral == null || !referral.isWaiting()) {
			return;
		}
		SearchResult result = this.finding.search(referral).orElse(null);
		if (result == null) {
			return;
		}
		List<Candidate> candidates = this.finding.notDeclined(referral, result.candidates());
		boolean open = referral.status() == ReferralStatus.OPEN;
		Instant now = this.clock.instant();
		try {
			this.transactions.inOne(() -> {
				if (open && candidates.stream().noneMatch(Candidate::inRegion)) {
					this.escalating.escalate(referral, candidates, now);
					return;
				}
				candidates.stream()
					.filter((c) -> c.inRegion() || open)
					.findFirst()
					.ifPresent((best) -> this.announcing.announce(referral, best.provisionId(), now));
			});
		}
		catch (ReferralConflict ex) {
			// changed by someone else meanwhile; their change triggers its own re-match
		}
	}

}
