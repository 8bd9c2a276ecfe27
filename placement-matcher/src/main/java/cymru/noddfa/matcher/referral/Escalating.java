package cymru.noddfa.matcher.referral;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import cymru.noddfa.matcher.referral.ReferralEvent.ReferralEscalated;
import cymru.noddfa.matcher.search.Candidate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nothing suitable is free in the child's region: the referral goes to the region's panel
 * with the out-of-region options, nearest first. Runs inside the caller's transaction.
 */
record Escalating(ReferralRepository referrals, ReferralEventPublisher events) {

	private static final Logger log = LoggerFactory.getLogger(Escalating.class);

	void escalate(Referral referral, List<Candidate> candidates, Instant at) {
		List<Referral.Option> options = candidates.stream()
			.filter((c) -> !c.inRegion())
			.sorted(Comparator.comparingDouble(Candidate::distanceKm))
			.map((c) -> new Referral.Option(c.provisionId(), c.name(), c.regionCode(), c.distanceKm()))
			.toList();
		ReferralEscalated escalated = referral.escalate(options, at);
		this.referrals.update(referral);
		this.events.publish(escalated, "system");
		log.info("Referral {} has no suitable bed in region {}; escalated to the panel with {} out-of-region options",
				referral.id(), referral.region(), options.size());
	}

}
