package cymru.noddfa.matcher.referral;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires holds nobody answered in time and reports crisis stays that overran. Safe on
 * every instance at once: each step is a guarded update that only one can win.
 */
@Component
record ReferralScheduler(ExpiringHolds expiring, ReportingCrisisOverruns overruns) {

	private static final Logger log = LoggerFactory.getLogger(ReferralScheduler.class);

	@Scheduled(fixedDelayString = "${noddfa.matcher.holds.expiry-check-interval:5s}")
	void expireHolds() {
		attempt(this.expiring::expireDue, "Could not expire holds ({}); retrying at the next check");
	}

	@Scheduled(fixedDelayString = "${noddfa.matcher.holds.overrun-check-interval:60s}")
	void reportOverruns() {
		attempt(this.overruns::report, "Could not check crisis stays for overruns ({}); retrying later");
	}

	private static void attempt(Runnable check, String warning) {
		try {
			check.run();
		}
		catch (RuntimeException ex) {
			log.warn(warning, ex.getMessage());
		}
	}

}
