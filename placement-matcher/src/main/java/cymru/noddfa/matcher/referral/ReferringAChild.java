package cymru.noddfa.matcher.referral;

import java.util.Optional;

import cymru.noddfa.matcher.search.SearchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/referrals}: a crisis team refers a child. The referral is recorded and,
 * when nothing fits in its region, escalated at once with the out-of-region options.
 */
record ReferringAChild(ReferralRepository referrals, FindingBeds finding, Escalating escalating,
		Transactions transactions, ReferralEventPublisher events) {

	private static final Logger log = LoggerFactory.getLogger(ReferringAChild.class);

	Referral refer(Referral referral) {
		Optional<SearchResult> result = this.finding.search(referral);
		this.transactions.inOne(() -> {
			this.referrals.insert(referral);
			this.events.publish(referral.created(), referral.teamId());
			result.filter((found) -> !found.hasInRegionCandidate())
				.ifPresent((found) -> this.escalating.escalate(referral, found.candidates(),
						referral.asked().createdAt()));
		});
		log.info("Referral {} created for region {} ({})", referral.id(), referral.region(), referral.status());
		return referral;
	}

}
