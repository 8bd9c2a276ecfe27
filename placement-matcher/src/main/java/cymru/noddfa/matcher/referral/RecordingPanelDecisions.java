package cymru.noddfa.matcher.referral;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A panel's decision arrives from {@code panels.case-events.v1}: an approval lets the
 * referral hold that out-of-region provision; a refusal, or a later decision that
 * supersedes the approval, takes it back. Each event is applied once, in one transaction
 * with the note that it was.
 */
record RecordingPanelDecisions(PanelApprovals approvals, Transactions transactions, Clock clock) {

	private static final Logger log = LoggerFactory.getLogger(RecordingPanelDecisions.class);

	void apply(PanelCaseEvent event) {
		Instant now = this.clock.instant();
		Instant at = (event.occurredAt() != null) ? event.occurredAt() : now;
		this.transactions.inOne(() -> {
			if (!this.approvals.firstDelivery(event.eventId(), now) || !event.isDecision()) {
				return;
			}
			if (event.supersedes() != null) {
				this.approvals.withdraw(event.supersedes(), at);
			}
			ReferralId referral = new ReferralId(event.referralId());
			if (event.approves() || event.refuses()) {
				this.approvals.decide(referral, event.provisionId(), event.approves(), event.decisionId(), at);
				log.info("Panel {} out-of-region provision {} for referral {}",
						event.approves() ? "approved" : "refused", event.provisionId(), referral);
			}
		});
	}

}
