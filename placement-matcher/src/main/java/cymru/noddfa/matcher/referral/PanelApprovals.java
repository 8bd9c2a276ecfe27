package cymru.noddfa.matcher.referral;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static cymru.noddfa.kit.jdbc.SqlTimestamps.timestamp;

/**
 * The {@code panel_approvals} table: which out-of-region provisions the panel of a
 * child's home region has approved for the referral, and whether the team has already
 * asked (so the request goes out once per referral and provision, not on every retry).
 * Decisions come from {@code panels.case-events.v1}, each applied once
 * ({@code consumed_panel_events}).
 */
@Repository
@RequiredArgsConstructor
class PanelApprovals {

	private final JdbcClient jdbc;

	boolean isApproved(ReferralId referral, String provisionId) {
		return this.jdbc
			.sql("select count(*) from panel_approvals where referral_id = :referral and provision_id = :provision "
					+ "and approved")
			.param("referral", referral.value())
			.param("provision", provisionId)
			.query(Integer.class)
			.single() > 0;
	}

	List<String> approvedProvisions(ReferralId referral) {
		return this.jdbc.sql("select provision_id from panel_approvals where referral_id = :referral and approved")
			.param("referral", referral.value())
			.query(String.class)
			.list();
	}

	/**
	 * Notes that the team asked; true only the first time for this referral and
	 * provision, whichever request or instance gets there first.
	 */
	boolean requestedFirstTime(ReferralId referral, String provisionId, Instant at) {
		return this.jdbc
			.sql("""
					insert into panel_approvals (referral_id, provision_id, requested_at) values (:referral, :provision, :at)
					on conflict (referral_id, provision_id) do update set requested_at = excluded.requested_at
					 where panel_approvals.requested_at is null
					""")
			.param("referral", referral.value())
			.param("provision", provisionId)
			.param("at", timestamp(at))
			.update() > 0;
	}

	/** The panel approved (or refused) the provision for the referral. */
	void decide(ReferralId referral, String provisionId, boolean approved, UUID decisionId, Instant at) {
		this.jdbc
			.sql("""
					insert into panel_approvals (referral_id, provision_id, approved, decision_id, decided_at)
					values (:referral, :provision, :approved, :decision, :at)
					on conflict (referral_id, provision_id) do update
					   set approved = excluded.approved, decision_id = excluded.decision_id, decided_at = excluded.decided_at
					""")
			.param("referral", referral.value())
			.param("provision", provisionId)
			.param("approved", approved)
			.param("decision", decisionId)
			.param("at", timestamp(at))
			.update();
	}

	/** A later decision corrects an earlier one: an approval it made no longer holds. */
	void withdraw(UUID supersededDecisionId, Instant at) {
		this.jdbc.sql("""
				update panel_approvals set approved = false, decided_at = :at
				 where decision_id = :decision and approved
				""").param("decision", supersededDecisionId).param("at", timestamp(at)).update();
	}

	/** True the first time this event id is seen; then it is remembered. */
	boolean firstDelivery(UUID eventId, Instant at) {
		return this.jdbc
			.sql("insert into consumed_panel_events (event_id, consumed_at) values (:id, :at) on conflict do nothing")
			.param("id", eventId)
			.param("at", timestamp(at))
			.update() > 0;
	}

}
