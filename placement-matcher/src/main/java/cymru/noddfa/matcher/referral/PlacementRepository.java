package cymru.noddfa.matcher.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cymru.noddfa.matcher.availability.BedType;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static cymru.noddfa.kit.jdbc.SqlTimestamps.instant;
import static cymru.noddfa.kit.jdbc.SqlTimestamps.timestamp;

/**
 * The {@code placements} table: a placement ends once, and an overrun is reported once.
 */
@Repository
@RequiredArgsConstructor
class PlacementRepository {

	private final JdbcClient jdbc;

	void insert(Placement p) {
		Hold.Bed bed = p.bed();
		this.jdbc
			.sql("""
					insert into placements (id, referral_id, hold_id, provision_id, bed_type, in_region, distance_km, started_at)
					values (:id, :referral, :hold, :provision, :bedType, :inRegion, :km, :startedAt)
					""")
			.param("id", p.id().value())
			.param("referral", p.referralId().value())
			.param("hold", p.holdId().value())
			.param("provision", bed.provisionId())
			.param("bedType", bed.bedType().name())
			.param("inRegion", bed.inRegion())
			.param("km", bed.distanceKm())
			.param("startedAt", timestamp(p.startedAt()))
			.update();
	}

	/** Stores the end only if nobody ended the placement meanwhile. */
	void updateEnded(Placement p) {
		int changed = this.jdbc.sql("update placements set ended_at = :at where id = :id and ended_at is null")
			.param("at", timestamp(p.endedAt()))
			.param("id", p.id().value())
			.update();
		if (changed == 0) {
			throw new ReferralConflict("referral-state", "Placement already ended");
		}
	}

	/** The placement, with the team and provision version of the hold it started from. */
	Placement load(PlacementId id) {
		return this.jdbc
			.sql("""
					select p.*, h.provision_version, h.team_id, h.provision_region_code, h.out_of_region_reason from placements p join holds h on h.id = p.hold_id
					 where p.id = :id
					""")
			.param("id", id.value())
			.query(PlacementRepository::placement)
			.optional()
			.orElseThrow(() -> new ReferralNotFound("placementId", id));
	}

	/**
	 * Open placements of a bed type started before the limit and not yet reported, each
	 * claimed once by whichever instance gets there first.
	 */
	List<Placement> claimOverruns(BedType bedType, Instant startedBefore, Instant now) {
		return this.jdbc.sql("""
				update placements p set overrun_reported_at = :now from holds h
				 where h.id = p.hold_id and p.ended_at is null and p.overrun_reported_at is null
				   and p.bed_type = :bedType and p.started_at < :before
				returning p.*, h.provision_version, h.team_id, h.provision_region_code, h.out_of_region_reason
				""")
			.param("now", timestamp(now))
			.param("bedType", bedType.name())
			.param("before", timestamp(startedBefore))
			.query(PlacementRepository::placement)
			.list();
	}

	private static Placement placement(ResultSet rs, int row) throws SQLException {
		Hold.Bed bed = new Hold.Bed(rs.getString("provision_id"), BedType.valueOf(rs.getString("bed_type")),
				rs.getLong("provision_version"), rs.getString("team_id"), rs.getBoolean("in_region"),
				rs.getDouble("distance_km"), rs.getString("provision_region_code"),
				OutOfRegionReason.parse(rs.getString("out_of_region_reason")));
		return new Placement(new PlacementId(rs.getObject("id", UUID.class)),
				new ReferralId(rs.getObject("referral_id", UUID.class)),
				new HoldId(rs.getObject("hold_id", UUID.class)), bed, instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("ended_at")));
	}

}
