package cymru.noddfa.matcher.referral;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.search.Sex;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Referrals, holds, placements and the audit trail. Every state change is a conditional
 * update on the expected version or status, so concurrent requests and matcher instances
 * cannot both win.
 */
@Repository
class ReferralRepository {

	private static final TypeReference<List<Referral.Option>> OPTIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ReferralRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Referral r) {
		this.jdbc
			.sql("""
					insert into referrals (id, reference, team_id, region_code, age, sex, needs, current_setting, lat, lon,
					                       place, bed_type, latest_admission_at, max_km, status, version, out_of_region_options,
					                       created_at, updated_at)
					values (:id, :reference, :team, :region, :age, :sex, :needs, :setting, :lat, :lon, :place, :bedType,
					        :latest, :maxKm, :status, :version, :options, :createdAt, :updatedAt)
					""")
			.param("id", r.id())
			.param("reference", r.reference())
			.param("team", r.teamId())
			.param("region", r.regionCode())
			.param("age", r.age())
			.param("sex", r.sex().name())
			.param("needs", r.needs().toArray(String[]::new))
			.param("setting", r.currentSetting().name())
			.param("lat", r.lat())
			.param("lon", r.lon())
			.param("place", r.place())
			.param("bedType", r.bedType().name())
			.param("latest", timestamp(r.latestAdmissionAt()))
			.param("maxKm", r.maxKm())
			.param("status", r.status().name())
			.param("version", r.version())
			.param("options", options(r))
			.param("createdAt", timestamp(r.createdAt()))
			.param("updatedAt", timestamp(r.updatedAt()))
			.update();
	}

	/**
	 * Stores the next version of a referral only if nobody changed it since
	 * {@code previous} was read.
	 */
	void update(Referral previous, Referral next) {
		int changed = this.jdbc.sql("""
				update referrals set status = :status, version = :version, out_of_region_options = :options,
				                     updated_at = :at
				 where id = :id and version = :expected
				""")
			.param("status", next.status().name())
			.param("version", next.version())
			.param("options", options(next))
			.param("at", timestamp(next.updatedAt()))
			.param("id", next.id())
			.param("expected", previous.version())
			.update();
		if (changed == 0) {
			throw new ReferralConflict("referral-state", "Referral " + next.id() + " changed meanwhile");
		}
	}

	Optional<Referral> find(UUID id) {
		return this.jdbc.sql("select * from referrals where id = :id").param("id", id).query(this::referral).optional();
	}

	List<Referral> forRegion(String regionCode, ReferralStatus status, int limit) {
		return this.jdbc.sql("""
				select * from referrals where region_code = :region and (:status::text is null or status = :status)
				 order by created_at desc limit :limit
				""")
			.param("region", regionCode)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", limit)
			.query(this::referral)
			.list();
	}

	List<Referral> waiting(BedType bedType) {
		return this.jdbc
			.sql("select * from referrals where status in ('OPEN', 'ESCALATED') and bed_type = :bedType "
					+ "order by created_at")
			.param("bedType", bedType.name())
			.query(this::referral)
			.list();
	}

	/** Counts one more hold for the team unless it is at its cap. */
	boolean takeTeamSlot(String teamId, int cap) {
		this.jdbc.sql("insert into team_holds (team_id, active) values (:team, 0) on conflict do nothing")
			.param("team", teamId)
			.update();
		return this.jdbc.sql("update team_holds set active = active + 1 where team_id = :team and active < :cap")
			.param("team", teamId)
			.param("cap", cap)
			.update() == 1;
	}

	void releaseTeamSlot(String teamId) {
		this.jdbc.sql("update team_holds set active = active - 1 where team_id = :team and active > 0")
			.param("team", teamId)
			.update();
	}

	void insert(Hold h) {
		this.jdbc
			.sql("""
					insert into holds (id, referral_id, provision_id, bed_type, provision_version, team_id, status, in_region,
					                   distance_km, placed_at, expires_at)
					values (:id, :referral, :provision, :bedType, :version, :team, :status, :inRegion, :km, :placedAt,
					        :expiresAt)
					""")
			.param("id", h.id())
			.param("referral", h.referralId())
			.param("provision", h.provisionId())
			.param("bedType", h.bedType().name())
			.param("version", h.provisionVersion())
			.param("team", h.teamId())
			.param("status", h.status().name())
			.param("inRegion", h.inRegion())
			.param("km", h.distanceKm())
			.param("placedAt", timestamp(h.placedAt()))
			.param("expiresAt", timestamp(h.expiresAt()))
			.update();
	}

	/**
	 * Moves a hold of this referral from one status to another; empty when it is not (or
	 * no longer) in {@code from}.
	 */
	Optional<Hold> moveHold(UUID referralId, UUID holdId, Hold.Status from, Hold.Status to, DeclineReason reason,
			Instant at) {
		return this.jdbc.sql("""
				update holds set status = :to, decided_at = :at, reason_code = coalesce(:reason, reason_code)
				 where id = :id and referral_id = :referral and status = :from
				returning *
				""")
			.param("to", to.name())
			.param("at", timestamp(at))
			.param("reason", (reason != null) ? reason.name() : null)
			.param("id", holdId)
			.param("referral", referralId)
			.param("from", from.name())
			.query(ReferralRepository::hold)
			.optional();
	}

	Optional<Hold> findHold(UUID holdId) {
		return this.jdbc.sql("select * from holds where id = :id")
			.param("id", holdId)
			.query(ReferralRepository::hold)
			.optional();
	}

	/** Holds on the beds of every provision the provider keeps, newest first. */
	List<UnitHold> holdsOfProvider(String providerId, Hold.Status status, int limit) {
		return this.jdbc.sql("""
				select h.*, r.age, r.sex, r.needs from holds h join referrals r on r.id = h.referral_id
				 where h.provision_id in (select provision_id from bed_ledger where provider_id = :provider)
				   and (:status::text is null or h.status = :status)
				 order by h.placed_at desc limit :limit
				""")
			.param("provider", providerId)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", limit)
			.query(ReferralRepository::unitHold)
			.list();
	}

	/** Holds for the referrals of one region, newest first. */
	List<UnitHold> holdsInRegion(String regionCode, Hold.Status status, int limit) {
		return this.jdbc.sql("""
				select h.*, r.age, r.sex, r.needs from holds h join referrals r on r.id = h.referral_id
				 where r.region_code = :region and (:status::text is null or h.status = :status)
				 order by h.placed_at desc limit :limit
				""")
			.param("region", regionCode)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", limit)
			.query(ReferralRepository::unitHold)
			.list();
	}

	/** The hold a referral has open (active or accepted), if any. */
	Optional<Hold> liveHold(UUID referralId) {
		return this.jdbc.sql("select * from holds where referral_id = :referral and status in ('ACTIVE', 'ACCEPTED')")
			.param("referral", referralId)
			.query(ReferralRepository::hold)
			.optional();
	}

	List<Hold> holds(UUID referralId) {
		return this.jdbc.sql("select * from holds where referral_id = :referral order by placed_at")
			.param("referral", referralId)
			.query(ReferralRepository::hold)
			.list();
	}

	List<String> declinedProvisions(UUID referralId) {
		return this.jdbc
			.sql("select distinct provision_id from holds where referral_id = :referral and status = 'DECLINED'")
			.param("referral", referralId)
			.query(String.class)
			.list();
	}

	/** Referrals this provision has declined: they are not offered it again. */
	Set<UUID> declinedBy(String provisionId) {
		return new HashSet<>(this.jdbc
			.sql("select distinct referral_id from holds where provision_id = :provision and status = 'DECLINED'")
			.param("provision", provisionId)
			.query(UUID.class)
			.list());
	}

	List<Hold> expired(Instant now, int limit) {
		return this.jdbc.sql("select * from holds where status = 'ACTIVE' and expires_at <= :now limit :limit")
			.param("now", timestamp(now))
			.param("limit", limit)
			.query(ReferralRepository::hold)
			.list();
	}

	void insert(Placement p) {
		this.jdbc
			.sql("""
					insert into placements (id, referral_id, hold_id, provision_id, bed_type, in_region, distance_km, started_at)
					values (:id, :referral, :hold, :provision, :bedType, :inRegion, :km, :startedAt)
					""")
			.param("id", p.id())
			.param("referral", p.referralId())
			.param("hold", p.holdId())
			.param("provision", p.provisionId())
			.param("bedType", p.bedType().name())
			.param("inRegion", p.inRegion())
			.param("km", p.distanceKm())
			.param("startedAt", timestamp(p.startedAt()))
			.update();
	}

	Optional<Placement> endPlacement(UUID placementId, Instant at) {
		return this.jdbc.sql("update placements set ended_at = :at where id = :id and ended_at is null returning *")
			.param("at", timestamp(at))
			.param("id", placementId)
			.query(ReferralRepository::placement)
			.optional();
	}

	Optional<Placement> findPlacement(UUID placementId) {
		return this.jdbc.sql("select * from placements where id = :id")
			.param("id", placementId)
			.query(ReferralRepository::placement)
			.optional();
	}

	/** Open crisis placements older than the limit and not yet reported, claimed once. */
	List<Placement> claimOverruns(BedType bedType, Instant startedBefore, Instant now) {
		return this.jdbc.sql("""
				update placements set overrun_reported_at = :now
				 where ended_at is null and overrun_reported_at is null and bed_type = :bedType
				   and started_at < :before
				returning *
				""")
			.param("now", timestamp(now))
			.param("bedType", bedType.name())
			.param("before", timestamp(startedBefore))
			.query(ReferralRepository::placement)
			.list();
	}

	/** True when this is the first announcement of the fit. */
	boolean announce(UUID referralId, String provisionId, Instant at) {
		return this.jdbc
			.sql("""
					insert into match_announcements (referral_id, provision_id, announced_at) values (:referral, :provision, :at)
					on conflict do nothing
					""")
			.param("referral", referralId)
			.param("provision", provisionId)
			.param("at", timestamp(at))
			.update() == 1;
	}

	/** Fits that ended: a later fit of the same provision is news again. */
	void forgetAnnouncementsExcept(String provisionId, List<UUID> stillFitting) {
		this.jdbc.sql("""
				delete from match_announcements where provision_id = :provision and not (referral_id = any(:fitting))
				""").param("provision", provisionId).param("fitting", stillFitting.toArray(UUID[]::new)).update();
	}

	void audit(UUID referralId, String action, String teamId, String requestId, Instant at) {
		this.jdbc.sql("""
				insert into referral_audit (referral_id, action, team_id, request_id, at)
				values (:referral, :action, :team, :requestId, :at)
				""")
			.param("referral", referralId)
			.param("action", action)
			.param("team", teamId)
			.param("requestId", requestId)
			.param("at", timestamp(at))
			.update();
	}

	private String options(Referral r) {
		return r.outOfRegionOptions().isEmpty() ? null : this.json.writeValueAsString(r.outOfRegionOptions());
	}

	private Referral referral(ResultSet rs, int row) throws SQLException {
		Array needs = rs.getArray("needs");
		String options = rs.getString("out_of_region_options");
		return new Referral(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("team_id"),
				rs.getString("region_code"), rs.getInt("age"), Sex.valueOf(rs.getString("sex")),
				Arrays.asList((String[]) needs.getArray()), CurrentSetting.valueOf(rs.getString("current_setting")),
				rs.getDouble("lat"), rs.getDouble("lon"), rs.getString("place"),
				BedType.valueOf(rs.getString("bed_type")), instant(rs.getTimestamp("latest_admission_at")),
				(Double) rs.getObject("max_km"), ReferralStatus.valueOf(rs.getString("status")), rs.getInt("version"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
				(options != null) ? this.json.readValue(options, OPTIONS) : List.of());
	}

	private static Hold hold(ResultSet rs, int row) throws SQLException {
		String reason = rs.getString("reason_code");
		return new Hold(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
				rs.getString("provision_id"), BedType.valueOf(rs.getString("bed_type")),
				rs.getLong("provision_version"), rs.getString("team_id"), Hold.Status.valueOf(rs.getString("status")),
				rs.getBoolean("in_region"), rs.getDouble("distance_km"), instant(rs.getTimestamp("placed_at")),
				instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("decided_at")),
				(reason != null) ? DeclineReason.valueOf(reason) : null);
	}

	private static UnitHold unitHold(ResultSet rs, int row) throws SQLException {
		Hold hold = hold(rs, row);
		return new UnitHold(hold.id(), hold.referralId(), hold.provisionId(), hold.bedType(), hold.status(),
				hold.placedAt(), hold.expiresAt(), hold.decidedAt(), hold.reasonCode(), rs.getInt("age"),
				Sex.valueOf(rs.getString("sex")), Arrays.asList((String[]) rs.getArray("needs").getArray()));
	}

	private static Placement placement(ResultSet rs, int row) throws SQLException {
		return new Placement(rs.getObject("id", UUID.class), rs.getObject("referral_id", UUID.class),
				rs.getObject("hold_id", UUID.class), rs.getString("provision_id"),
				BedType.valueOf(rs.getString("bed_type")), rs.getBoolean("in_region"), rs.getDouble("distance_km"),
				instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("ended_at")));
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
