package cymru.noddfa.matcher.referral;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cymru.noddfa.matcher.availability.ReadModelUnavailable;
import cymru.noddfa.matcher.search.Matching;
import cymru.noddfa.matcher.search.Searching;

/**
 * A provision changed (its state or a bed came back): every waiting referral it now fits
 * hears of it once; one it stopped fitting may hear of it again later. A referral the
 * provision declined is not offered it again; an escalated referral hears only of fits in
 * its own region.
 */
record RematchingWaitingReferrals(ReferralRepository referrals, HoldRepository holds, Searching searching,
		AnnouncingMatches announcing, Transactions transactions, Clock clock) {

	void recheck(String provisionId) {
		Instant now = this.clock.instant();
		List<Referral> all = this.referrals.waiting();
		if (all.isEmpty()) {
			// the usual case: no child waits, and a vacancy change costs one statement
			// here
			return;
		}
		Set<ReferralId> declined = this.holds.declinedBy(provisionId);
		List<Referral> waiting = all.stream().filter((referral) -> !declined.contains(referral.id())).toList();
		if (waiting.isEmpty()) {
			return;
		}
		List<Optional<Matching.Verdict>> verdicts;
		try {
			verdicts = this.searching.judgeAll(waiting.stream().map((r) -> r.criteria(now)).toList(), provisionId);
		}
		catch (ReadModelUnavailable ex) {
			return;
		}
		List<ReferralId> fitting = new ArrayList<>();
		for (int i = 0; i < waiting.size(); i++) {
			Referral referral = waiting.get(i);
			if (verdicts.get(i).orElse(null) instanceof Matching.Fit fit
					&& (fit.candidate().inRegion() || referral.status() == ReferralStatus.OPEN)) {
				fitting.add(referral.id());
				this.transactions.inOne(() -> this.announcing.announce(referral, provisionId, now));
			}
		}
		this.announcing.forgetAllBut(provisionId, fitting, now);
	}

}
