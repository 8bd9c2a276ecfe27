package cymru.noddfa.matcher.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.search.Sex;
import lombok.RequiredArgsConstructor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static cymru.noddfa.kit.jdbc.SqlTimestamps.instant;
import static cymru.noddfa.kit.jdbc.SqlTimestamps.timestamp;

/**
 * The {@code referrals} table. A referral's next version is stored only if the row still
 * holds the version before it, so concurrent requests and matcher instances cannot both
 * move it on.
 */
@Repository
@RequiredArgsConstructor
class ReferralRepository {

	private static final TypeReference<List<Referral.Option>> OPTIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	void insert(Referral r) {
		Referral.Asked asked = r.asked();
		Child child = asked.child();
		this.jdbc
			.sql("""
					insert into referrals (id, reference, team_id, region_code, age, sex, needs, current_setting, lat, lon,
					                       place, bed_type, latest_admission_at, max_km, status, version, out_of_region_options,
					                       created_at, updated_at, referring_region_code)
					values (:id, :reference, :team, :region, :age, :sex, :needs, :setting, :lat, :lon, :place, :bedType,
					        :latest, :maxKm, :status, :version, :options, :createdAt, :updatedAt, :referringRegion)
					""")
			.param("id", r.id().value())
			.param("reference", asked.reference())
			.param("team", asked.teamId())
			.param("region", r.region().code())
			.param("age", child.age())
			.param("sex", child.sex().name())
			.param("needs", NeedCode.codes(child.needs()).toArray(String[]::new))
			.param("setting", child.setting().name())
			.param("lat", child.location().lat())
			.param("lon", child.location().lon())
			.param("place", child.place())
			.param("bedType", r.bedType().name())
			.param("latest", timestamp(asked.sought().latestAdmissionAt()))
			.param("maxKm", asked.sought().maxKm())
			.param("status", r.status().name())
			.param("version", r.version())
			.param("options", options(r))
			.param("createdAt", timestamp(asked.createdAt()))
			.param("updatedAt", timestamp(r.updatedAt()))
			.param("referringRegion", (r.referringRegion() != null) ? r.referringRegion().code() : null)
			.update();
	}

	/**
	 * Stores the referral's step. Each step adds one to the version and is stored before
	 * the next, so the row must still hold the version before it; otherwise someone else
	 * moved the referral on meanwhile and nothing is changed.
	 */
	void update(Referral next) {
		int changed = this.jdbc.sql("""
				update referrals set status = :status, version = :version, out_of_region_options = :options,
				                     updated_at = :at
				 where id = :id and version = :expected
				""")
			.param("status", next.status().name())
			.param("version", next.version())
			.param("options", options(next))
			.param("at", timestamp(next.updatedAt()))
			.param("id", next.id().value())
			.param("expected", next.version() - 1)
			.update();
		if (changed == 0) {
			throw new ReferralConflict("referral-state", "Referral " + next.id() + " changed meanwhile");
		}
	}

	Optional<Referral> find(ReferralId id) {
		return this.jdbc.sql("select * from referrals where id = :id")
			.param("id", id.value())
			.query(this::referral)
			.optional();
	}

	Referral load(ReferralId id) {
		return find(id).orElseThrow(() -> new ReferralNotFound("referralId", id));
	}

	/**
	 * The newest referrals of children of the region and, when {@code referredFrom} is
	 * true, those its teams referred from there for children of another region.
	 */
	List<Referral> forRegion(RegionCode region, boolean referredFrom, ReferralStatus status, int limit) {
		return this.jdbc.sql("""
				select * from referrals
				 where (region_code = :region or (:referredFrom and referring_region_code = :region))
				   and (:status::text is null or status = :status)
				 order by created_at desc limit :limit
				""")
			.param("region", region.code())
			.param("referredFrom", referredFrom)
			.param("status", (status != null) ? status.name() : null)
			.param("limit", limit)
			.query(this::referral)
			.list();
	}

	/**
	 * Open and escalated referrals, whatever bed they seek, oldest first: one statement
	 * per re-check, and most often none.
	 */
	List<Referral> waiting() {
		return this.jdbc.sql("select * from referrals where status in ('OPEN', 'ESCALATED') order by created_at")
			.query(this::referral)
			.list();
	}

	/** None once the referral is anonymised. */
	private static Location location(ResultSet rs) throws SQLException {
		Double lat = rs.getObject("lat", Double.class);
		Double lon = rs.getObject("lon", Double.class);
		return (lat != null && lon != null) ? new Location(lat, lon) : null;
	}

	private static RegionCode referringRegion(String stored) {
		return (stored != null) ? new RegionCode(stored) : null;
	}

	private String options(Referral r) {
		return r.outOfRegionOptions().isEmpty() ? null : this.json.writeValueAsString(r.outOfRegionOptions());
	}

	private Referral referral(ResultSet rs, int row) throws SQLException {
		String options = rs.getString("out_of_region_options");
		Child child = new Child(rs.getInt("age"), Sex.valueOf(rs.getString("sex")),
				NeedCode.all(Arrays.asList((String[]) rs.getArray("needs").getArray())),
				CurrentSetting.valueOf(rs.getString("current_setting")), location(rs), rs.getString("place"));
		BedSought sought = new BedSought(BedType.valueOf(rs.getString("bed_type")),
				instant(rs.getTimestamp("latest_admission_at")), (Double) rs.getObject("max_km"));
		Referral.Asked asked = new Referral.Asked(new ReferralId(rs.getObject("id", UUID.class)),
				rs.getString("reference"), rs.getString("team_id"), new RegionCode(rs.getString("region_code")), child,
				sought, instant(rs.getTimestamp("created_at")), referringRegion(rs.getString("referring_region_code")));
		return new Referral(asked, ReferralStatus.valueOf(rs.getString("status")), rs.getInt("version"),
				instant(rs.getTimestamp("updated_at")),
				(options != null) ? this.json.readValue(options, OPTIONS) : List.of());
	}

}
