package cymru.noddfa.matcher.referral;

import java.time.Clock;
import java.time.Instant;

import cymru.noddfa.matcher.referral.ReferralEvent.CrisisStayOverran;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldAccepted;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldDeclined;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldExpired;
import cymru.noddfa.matcher.referral.ReferralEvent.HoldPlaced;
import cymru.noddfa.matcher.referral.ReferralEvent.MatchFound;
import cymru.noddfa.matcher.referral.ReferralEvent.OutOfRegionApprovalRequested;
import cymru.noddfa.matcher.referral.ReferralEvent.PlacementEnded;
import cymru.noddfa.matcher.referral.ReferralEvent.PlacementStarted;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralCancelled;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralCreated;
import cymru.noddfa.matcher.referral.ReferralEvent.ReferralEscalated;
import lombok.RequiredArgsConstructor;
import org.slf4j.MDC;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static cymru.noddfa.kit.jdbc.SqlTimestamps.timestamp;

/**
 * The {@code referral_audit} table: every read and change of a referral, by whom and
 * under which request, in the transaction of the read or change.
 */
@Repository
@RequiredArgsConstructor
class ReferralAuditRepository {

	/** What was done to the referral, as the trail names it. */
	enum Action {

		CREATED, READ, LISTED, HOLDS_LISTED, HOLD_PLACED, HOLD_ACCEPTED, HOLD_DECLINED, HOLD_EXPIRED, PLACEMENT_STARTED,
		PLACEMENT_ENDED, CANCELLED, ESCALATED, OUT_OF_REGION_APPROVAL_REQUESTED

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	/** {@code actor} read the referral now. */
	void read(ReferralId referral, Action action, String actor) {
		insert(referral, action, actor, this.clock.instant());
	}

	/**
	 * {@code actor} changed the referral; what the team hears of but did not do is not a
	 * change.
	 */
	void changed(ReferralEvent event, String actor) {
		Action action = switch (event) {
			case ReferralCreated created -> Action.CREATED;
			case ReferralEscalated escalated -> Action.ESCALATED;
			case HoldPlaced placed -> Action.HOLD_PLACED;
			case OutOfRegionApprovalRequested requested -> Action.OUT_OF_REGION_APPROVAL_REQUESTED;
			case HoldAccepted accepted -> Action.HOLD_ACCEPTED;
			case HoldDeclined declined -> Action.HOLD_DECLINED;
			case HoldExpired expired -> Action.HOLD_EXPIRED;
			case PlacementStarted started -> Action.PLACEMENT_STARTED;
			case PlacementEnded ended -> Action.PLACEMENT_ENDED;
			case ReferralCancelled cancelled -> Action.CANCELLED;
			case MatchFound found -> null;
			case CrisisStayOverran overran -> null;
		};
		if (action != null) {
			insert(event.about().referral(), action, actor, event.about().occurredAt());
		}
	}

	private void insert(ReferralId referral, Action action, String actor, Instant at) {
		this.jdbc.sql("""
				insert into referral_audit (referral_id, action, team_id, request_id, at)
				values (:referral, :action, :team, :requestId, :at)
				""")
			.param("referral", referral.value())
			.param("action", action.name())
			.param("team", actor)
			.param("requestId", MDC.get("requestId"))
			.param("at", timestamp(at))
			.update();
	}

}
