package cymru.noddfa.matcher.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.search.Sex;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static cymru.noddfa.kit.jdbc.SqlTimestamps.instant;
import static cymru.noddfa.kit.jdbc.SqlTimestamps.timestamp;

/**
 * The {@code holds} table. A hold's step is stored only if its row is still in the status
 * the step left, and a referral holds at most one live bed (a unique index), so two
 * answers to one hold cannot both win.
 */
@Repository
@RequiredArgsConstructor
class HoldRepository {

	private final JdbcClient jdbc;

	void insert(Hold h) {
		Hold.Bed bed = h.bed();
		this.jdbc
			.sql("""
					insert into holds (id, referral_id, provision_id, bed_type, provision_version, team_id, status, in_region,
					                   distance_km, placed_at, expires_at, provision_region_code, out_of_region_reason)
					values (:id, :referral, :provision, :bedType, :version, :team, :status, :inRegion, :km, :placedAt,
					        :expiresAt, :provisionRegion, :reason)
					""")
			.param("id", h.id().value())
			.param("referral", h.referralId().value())
			.param("provision", bed.provisionId())
			.param("bedType", bed.bedType().name())
			.param("version", bed.provisionVersion())
			.param("team", bed.teamId())
			.param("status", h.status().name())
			.param("inRegion", bed.inRegion())
			.param("km", bed.distanceKm())
			.param("placedAt", timestamp(h.placedAt()))
			.param("expiresAt", timestamp(h.expiresAt()))
			.param("provisionRegion", bed.provisionRegionCode())
			.param("reason", (bed.outOfRegionReason() != null) ? bed.outOfRegionReason().name() : null)
			.update();
	}

	/** Stores the hold's step if its row is still as it was before the step. */
	void update(Hold before, Hold h) {
		int changed = this.jdbc.sql("""
				update holds set status = :to, decided_at = :at, reason_code = coalesce(:reason, reason_code)
				 where id = :id and referral_id = :referral and status = :from
				""")
			.param("to", h.status().name())
			.param("at", timestamp(h.decidedAt()))
			.param("reason", (h.reasonCode() != null) ? h.reasonCode().name() : null)
			.param("id", h.id().value())
			.param("referral", h.referralId().value())
			.param("from", before.status().name())
			.update();
		if (changed == 0) {
			throw new ReferralConflict("hold-state",
					"Hold " + h.id() + " of referral " + h.referralId() + " is not " + before.status());
		}
	}

	Hold load(HoldId id) {
		return this.jdbc.sql("select * from holds where id = :id")
			.param("id", id.value())
			.query(HoldRepository::hold)
			.optional()
			.orElseThrow(() -> new ReferralNotFound("holdId", id));
	}

	/** The hold a referral has live (active or accepted), if any. */
	Optional<Hold> live(ReferralId referral) {
		return this.jdbc.sql("select * from holds where referral_id = :referral and status in ('ACTIVE', 'ACCEPTED')")
			.param("referral", referral.value())
			.query(HoldRepository::hold)
			.optional();
	}

	List<Hold> ofReferral(ReferralId referral) {
		return this.jdbc.sql("select * from holds where referral_id = :referral order by placed_at")
			.param("referral", referral.value())
			.query(HoldRepository::hold)
			.list();
	}

	/**
	 * Active holds past their expiry, oldest first claimed by whichever instance asks.
	 */
	List<Hold> expired(Instant now, int limit) {
		return this.jdbc.sql("select * from holds where status = 'ACTIVE' and expires_at <= :now limit :limit")
			.param("now", timestamp(now))
			.param("limit", limit)
			.query(HoldRepository::hold)
			.list();
	}

	/** Provisions that declined this referral: they are not offered it again. */
	List<String> declinedProvisions(ReferralId referral) {
		return this.jdbc
			.sql("select distinct provision_id from holds where referral_id = :referral and status = 'DECLINED'")
			.param("referral", referral.value())
			.query(String.class)
			.list();
	}

	/** Referrals this provision has declined: they are not offered it again. */
	Set<ReferralId> declinedBy(String provisionId) {
		return new HashSet<>(this.jdbc
			.sql("select distinct referral_id from holds where provision_id = :provision and status = 'DECLINED'")
			.param("provision", provisionId)
			.query((rs, row) -> new ReferralId(rs.getObject(1, UUID.class)))
			.list());
	}

	/** Holds on the beds of every provision the provider keeps, newest first. */
	List<UnitHold> ofProvider(String providerId, Hold.Status status, int limit) {
		return this.jdbc.sql("""
				select h.*, r.age, r.sex, r.needs from holds h join referrals r on r.id = h.referral_id
				 where h.provision_id in (select provision_id from bed_ledger where provider_id = :provider)
				   and (:status::text is null or h.status = :status)
				 order by h.placed_at desc limit :limit
				""")
			.param("provider", providerId)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", limit)
			.query(HoldRepository::unitHold)
			.list();
	}

	/**
	 * Holds for the referrals of one region and, when {@code referredFrom}, those its
	 * teams referred from there for children of another region; newest first.
	 */
	List<UnitHold> inRegion(RegionCode region, boolean referredFrom, Hold.Status status, int limit) {
		return this.jdbc.sql("""
				select h.*, r.age, r.sex, r.needs from holds h join referrals r on r.id = h.referral_id
				 where (r.region_code = :region or (:referredFrom and r.referring_region_code = :region))
				   and (:status::text is null or h.status = :status)
				 order by h.placed_at desc limit :limit
				""")
			.param("region", region.code())
			.param("referredFrom", referredFrom)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", limit)
			.query(HoldRepository::unitHold)
			.list();
	}

	private static Hold hold(ResultSet rs, int row) throws SQLException {
		String reason = rs.getString("reason_code");
		Hold.Bed bed = new Hold.Bed(rs.getString("provision_id"), BedType.valueOf(rs.getString("bed_type")),
				rs.getLong("provision_version"), rs.getString("team_id"), rs.getBoolean("in_region"),
				rs.getDouble("distance_km"), rs.getString("provision_region_code"),
				OutOfRegionReason.parse(rs.getString("out_of_region_reason")));
		return new Hold(new HoldId(rs.getObject("id", UUID.class)),
				new ReferralId(rs.getObject("referral_id", UUID.class)), bed, instant(rs.getTimestamp("placed_at")),
				instant(rs.getTimestamp("expires_at")), Hold.Status.valueOf(rs.getString("status")),
				instant(rs.getTimestamp("decided_at")), (reason != null) ? DeclineReason.valueOf(reason) : null);
	}

	private static UnitHold unitHold(ResultSet rs, int row) throws SQLException {
		Hold hold = hold(rs, row);
		return new UnitHold(hold.id().value(), hold.referralId().value(), hold.provisionId(), hold.bedType(),
				hold.status(), hold.placedAt(), hold.expiresAt(), hold.decidedAt(), hold.reasonCode(), rs.getInt("age"),
				Sex.valueOf(rs.getString("sex")), Arrays.asList((String[]) rs.getArray("needs").getArray()));
	}

}
