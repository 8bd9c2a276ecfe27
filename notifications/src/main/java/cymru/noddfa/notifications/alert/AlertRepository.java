package cymru.noddfa.notifications.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cymru.noddfa.notifications.contact.Role;
import cymru.noddfa.notifications.delivery.Notification;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class AlertRepository {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	/**
	 * Keeps the alert with the notification it tells; {@code false} when the event
	 * already has its alert.
	 */
	boolean add(Alert alert, Notification notification, Instant now) {
		return this.jdbc
			.sql("""
					insert into alerts (id, event_id, event_type, referral_id, reference, region_code, provision_id, audience,
					                    needs_ack, level, next_escalation_at, payload, created_at)
					values (:id, :eventId, :eventType, :referralId, :reference, :region, :provision, :audience,
					        :needsAck, :level, :next, :payload, :now)
					on conflict (event_id) do nothing
					""")
			.param("id", alert.id())
			.param("eventId", alert.eventId())
			.param("eventType", alert.eventType())
			.param("referralId", alert.referralId())
			.param("reference", alert.reference())
			.param("region", alert.regionCode())
			.param("provision", alert.provisionId())
			.param("audience", alert.audience().role().name())
			.param("needsAck", alert.audience().needsAcknowledgement())
			.param("level", alert.level())
			.param("next", timestamp(alert.nextEscalationAt()))
			.param("payload", this.json.writeValueAsString(notification))
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	Optional<String> referenceOf(String referralId) {
		return this.jdbc.sql("""
				select reference from alerts where referral_id = ? and reference is not null
				order by created_at desc limit 1
				""").param(referralId).query(String.class).optional();
	}

	Optional<Alert> find(UUID id) {
		return this.jdbc.sql("select * from alerts where id = ?").param(id).query(this::row).optional();
	}

	/** Locks the alert for the rest of the transaction. */
	Optional<Alert> lock(UUID id) {
		return this.jdbc.sql("select * from alerts where id = ? for update").param(id).query(this::row).optional();
	}

	/** The notification the alert tells. */
	Notification notification(UUID id) {
		String payload = this.jdbc.sql("select payload from alerts where id = ?")
			.param(id)
			.query(String.class)
			.single();
		return this.json.readValue(payload, Notification.class);
	}

	/** Unacknowledged alerts due to climb, each locked for this transaction only. */
	List<Alert> dueForEscalation(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from alerts
				where acknowledged_at is null and next_escalation_at <= ?
				order by next_escalation_at limit ?
				for update skip locked
				""").params(Timestamp.from(now), limit).query(this::row).list();
	}

	/**
	 * The newest alerts, at most 200.
	 * @param regionCode {@code null} for every region
	 * @param audience {@code null} for every audience
	 * @param provisionIds {@code null} for every provision
	 */
	List<Alert> find(String regionCode, Role audience, List<String> provisionIds, boolean unacknowledgedOnly) {
		return this.jdbc.sql("""
				select * from alerts
				where (cast(:region as text) is null or region_code = :region)
				  and (cast(:audience as text) is null or audience = :audience)
				  and (cast(:provisions as text[]) is null or provision_id = any(:provisions))
				  and (not :unacknowledged or (needs_ack and acknowledged_at is null))
				order by created_at desc limit 200
				""")
			.param("region", regionCode)
			.param("audience", (audience != null) ? audience.name() : null)
			.param("provisions", (provisionIds != null) ? provisionIds.toArray(String[]::new) : null)
			.param("unacknowledged", unacknowledgedOnly)
			.query(this::row)
			.list();
	}

	void save(Alert alert) {
		this.jdbc.sql("""
				update alerts set level = ?, next_escalation_at = ?, acknowledged_at = ?, acknowledged_by = ?
				where id = ?
				""")
			.params(alert.level(), timestamp(alert.nextEscalationAt()), timestamp(alert.acknowledgedAt()),
					alert.acknowledgedBy(), alert.id())
			.update();
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private Alert row(ResultSet rs, int rowNum) throws SQLException {
		return new Alert(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
				rs.getString("event_type"), rs.getString("referral_id"), rs.getString("reference"),
				rs.getString("region_code"), rs.getString("provision_id"),
				new Audience(Role.valueOf(rs.getString("audience")), rs.getBoolean("needs_ack")), rs.getInt("level"),
				instant(rs.getTimestamp("next_escalation_at")), instant(rs.getTimestamp("acknowledged_at")),
				rs.getString("acknowledged_by"));
	}

}
