package cymru.noddfa.matcher.referral;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A waiting referral's team hears of a new fit once, while the fit lasts. */
record AnnouncingMatches(MatchAnnouncementRepository announcements, ReferralEventPublisher events) {

	private static final Logger log = LoggerFactory.getLogger(AnnouncingMatches.class);

	void announce(Referral referral, String provisionId, Instant at) {
		if (this.announcements.announce(referral.id(), provisionId, at)) {
			this.events.publish(referral.matchFound(provisionId, at), "system");
			log.info("Referral {} has a new fit at provision {}; team told", referral.id(), provisionId);
		}
	}

	/** The provision stopped fitting the others: a later fit is news again. */
	void forgetAllBut(String provisionId, List<ReferralId> stillFitting, Instant judgedAt) {
		this.announcements.forgetAllBut(provisionId, stillFitting, judgedAt);
	}

}
