package cymru.noddfa.panels.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every referral event this service has consumed: a case opened later shows them all. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ReferralEventsRepository {

	private static final String COLUMNS = """
			event_id, type, referral_id, referral_version, occurred_at, region_code, referring_region_code,
			bed_type, provision_id, reason_code, current_setting, provision_region_code, in_region, distance_km,
			out_of_region_reason""";

	private final JdbcClient jdbc;

	public void store(UUID eventId, ReferralEvent event) {
		this.jdbc.sql("insert into referral_events (" + COLUMNS + """
				) values (:eventId, :type, :referralId, :version, :occurredAt, :region, :referringRegion,
				  :bedType, :provisionId, :reasonCode, :currentSetting, :provisionRegion, :inRegion, :distanceKm,
				  :outOfRegionReason)
				on conflict (event_id) do nothing
				""")
			.param("eventId", eventId)
			.param("type", event.type())
			.param("referralId", event.referralId())
			.param("version", event.referralVersion())
			.param("occurredAt", Timestamp.from(event.occurredAt()))
			.param("region", event.regionCode())
			.param("referringRegion", event.referringRegionCode())
			.param("bedType", event.bedType())
			.param("provisionId", event.provisionId())
			.param("reasonCode", event.reasonCode())
			.param("currentSetting", event.currentSetting())
			.param("provisionRegion", event.provisionRegionCode())
			.param("inRegion", event.inRegion())
			.param("distanceKm", event.distanceKm())
			.param("outOfRegionReason", event.outOfRegionReason())
			.update();
	}

	/** The referral's events in the order they happened. */
	public List<ReferralEvent> ofReferral(UUID referralId) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from referral_events where referral_id = ?
				order by occurred_at, referral_version, event_id
				""").param(referralId).query(ReferralEventsRepository::event).list();
	}

	/** The events of many referrals, each referral's in the order they happened. */
	public List<ReferralEvent> ofReferrals(Collection<UUID> referralIds) {
		if (referralIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + """
				 from referral_events where referral_id = any(:ids)
				order by referral_id, occurred_at, referral_version, event_id
				""").param("ids", referralIds.toArray(UUID[]::new)).query(ReferralEventsRepository::event).list();
	}

	/**
	 * Every event of the referrals created in {@code [from, to)}, of the child's home
	 * region when one is given, else Wales-wide.
	 */
	public List<ReferralEvent> ofReferralsCreatedBetween(Instant from, Instant to, String regionCode) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from referral_events
				where referral_id in (
				  select referral_id from referral_events
				  where type = 'ReferralCreated' and occurred_at >= :from and occurred_at < :to
				    and (cast(:region as text) is null or region_code = :region))
				order by referral_id, occurred_at, referral_version, event_id
				""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("region", regionCode)
			.query(ReferralEventsRepository::event)
			.list();
	}

	/** When each of these referrals was made, for those whose creation was seen. */
	public Map<UUID, Instant> createdAt(Collection<UUID> referralIds) {
		Map<UUID, Instant> created = new HashMap<>();
		if (referralIds.isEmpty()) {
			return created;
		}
		this.jdbc.sql("""
				select referral_id, min(occurred_at) as created_at from referral_events
				where referral_id = any(:ids) and type = 'ReferralCreated'
				group by referral_id
				""").param("ids", referralIds.toArray(UUID[]::new)).query((rs) -> {
			created.put(rs.getObject("referral_id", UUID.class), rs.getTimestamp("created_at").toInstant());
		});
		return created;
	}

	static ReferralEvent event(ResultSet rs, int row) throws SQLException {
		Object inRegion = rs.getObject("in_region");
		return new ReferralEvent(rs.getObject("event_id", UUID.class), rs.getString("type"),
				rs.getObject("referral_id", UUID.class), rs.getLong("referral_version"),
				rs.getTimestamp("occurred_at").toInstant(), rs.getString("region_code"),
				rs.getString("referring_region_code"), null, rs.getString("bed_type"), rs.getString("provision_id"),
				rs.getString("reason_code"), rs.getString("current_setting"), rs.getString("provision_region_code"),
				(Boolean) inRegion, rs.getBigDecimal("distance_km"), rs.getString("out_of_region_reason"));
	}

}
