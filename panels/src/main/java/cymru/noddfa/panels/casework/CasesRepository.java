package cymru.noddfa.panels.casework;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Panel cases in PostgreSQL, one per referral. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CasesRepository {

	private static final String COLUMNS = """
			id, referral_id, region_code, referring_region_code, reference, opened_because, opened_at, escalated_at,
			status, funding_since, funding_agreed_on, closed_at, version""";

	private final JdbcClient jdbc;

	/**
	 * Stores a newly opened case; {@code false} when the referral already has one (the
	 * unique referral id decides, however many consumers race).
	 */
	public boolean insert(PanelCase opened) {
		return this.jdbc.sql("insert into panel_cases (" + COLUMNS + """
				) values (:id, :referralId, :region, :referringRegion, :reference, :openedBecause, :openedAt,
				  :escalatedAt, :status, :fundingSince, :fundingAgreedOn, :closedAt, :version)
				on conflict (referral_id) do nothing
				""")
			.param("id", opened.id().value())
			.param("referralId", opened.referralId())
			.param("region", opened.region().value())
			.param("referringRegion", (opened.referringRegion() != null) ? opened.referringRegion().value() : null)
			.param("reference", opened.reference())
			.param("openedBecause", opened.openedBecause().name())
			.param("openedAt", Timestamp.from(opened.openedAt()))
			.param("escalatedAt", timestamp(opened.escalatedAt()))
			.param("status", opened.status().name())
			.param("fundingSince", timestamp(opened.fundingSince()))
			.param("fundingAgreedOn", date(opened.fundingAgreedOn()))
			.param("closedAt", timestamp(opened.closedAt()))
			.param("version", opened.version())
			.update() == 1;
	}

	/**
	 * Writes what the case decided, if nobody changed it since it was read (the caller
	 * holds its row lock anyway: {@link #lock}).
	 */
	public void update(PanelCase changed) {
		int updated = this.jdbc.sql("""
				update panel_cases
				set escalated_at = :escalatedAt, status = :status, funding_since = :fundingSince,
				    funding_agreed_on = :fundingAgreedOn, closed_at = :closedAt, version = :version
				where id = :id and version = :version - 1
				""")
			.param("id", changed.id().value())
			.param("escalatedAt", timestamp(changed.escalatedAt()))
			.param("status", changed.status().name())
			.param("fundingSince", timestamp(changed.fundingSince()))
			.param("fundingAgreedOn", date(changed.fundingAgreedOn()))
			.param("closedAt", timestamp(changed.closedAt()))
			.param("version", changed.version())
			.update();
		if (updated != 1) {
			throw new IllegalStateException("Case " + changed.id() + " changed while it was being decided");
		}
	}

	public Optional<PanelCase> find(CaseId id) {
		return this.jdbc.sql("select " + COLUMNS + " from panel_cases where id = ?")
			.param(id.value())
			.query(CasesRepository::panelCase)
			.optional();
	}

	/** The case, its row locked until the transaction ends: decisions on it queue. */
	public Optional<PanelCase> lock(CaseId id) {
		return this.jdbc.sql("select " + COLUMNS + " from panel_cases where id = ? for update")
			.param(id.value())
			.query(CasesRepository::panelCase)
			.optional();
	}

	public Optional<PanelCase> ofReferral(UUID referralId) {
		return this.jdbc.sql("select " + COLUMNS + " from panel_cases where referral_id = ?")
			.param(referralId)
			.query(CasesRepository::panelCase)
			.optional();
	}

	/**
	 * The cases a panel of the region acts on, or ({@code alsoReferring}) that a crisis
	 * team of the region may read: its children's and the ones it referred.
	 */
	public List<PanelCase> ofRegion(RegionCode region, boolean alsoReferring, CaseStatus status) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from panel_cases
				where (region_code = :region or (:alsoReferring and referring_region_code = :region))
				  and (cast(:status as text) is null or status = :status)
				order by opened_at, id
				""")
			.param("region", region.value())
			.param("alsoReferring", alsoReferring)
			.param("status", (status != null) ? status.name() : null)
			.query(CasesRepository::panelCase)
			.list();
	}

	/**
	 * Open cases of the region opened in {@code [from, to)}, for the timelines export.
	 */
	public List<PanelCase> openedBetween(RegionCode region, Instant from, Instant to) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from panel_cases
				where region_code = :region and opened_at >= :from and opened_at < :to
				order by opened_at, id
				""")
			.param("region", region.value())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query(CasesRepository::panelCase)
			.list();
	}

	/** Every case waiting for a joint funding agreement now, for the limbo clock. */
	public List<PanelCase> waitingForFunding() {
		return this.jdbc.sql("select " + COLUMNS + """
				 from panel_cases
				where status = 'OPEN' and funding_since is not null and funding_agreed_on is null
				order by funding_since
				""").query(CasesRepository::panelCase).list();
	}

	/** The cases of these referrals. */
	public List<PanelCase> ofReferrals(List<UUID> referralIds) {
		if (referralIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from panel_cases where referral_id = any(:ids)")
			.param("ids", referralIds.toArray(UUID[]::new))
			.query(CasesRepository::panelCase)
			.list();
	}

	private static PanelCase panelCase(ResultSet rs, int row) throws SQLException {
		return new PanelCase(new CaseId(rs.getObject("id", UUID.class)), rs.getObject("referral_id", UUID.class),
				RegionCode.of(rs.getString("region_code")),
				RegionCode.ofNullable(rs.getString("referring_region_code")), rs.getString("reference"),
				OpenedBecause.valueOf(rs.getString("opened_because")), rs.getTimestamp("opened_at").toInstant(),
				instant(rs.getTimestamp("escalated_at")), CaseStatus.valueOf(rs.getString("status")),
				instant(rs.getTimestamp("funding_since")),
				(rs.getDate("funding_agreed_on") != null) ? rs.getDate("funding_agreed_on").toLocalDate() : null,
				instant(rs.getTimestamp("closed_at")), rs.getLong("version"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Date date(LocalDate date) {
		return (date != null) ? Date.valueOf(date) : null;
	}

}
