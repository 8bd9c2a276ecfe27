package cymru.noddfa.panels.casework;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The panel's decisions: appended, never updated or deleted (the table's trigger refuses
 * both, whoever asks).
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class DecisionsRepository {

	private static final String COLUMNS = """
			id, case_id, type, reason_code, decided_by, decided_at, provision_id, la_share_percent,
			hb_share_percent, agreed_on, agreement_reference, information_from, information_by, supersedes""";

	private final JdbcClient jdbc;

	public void append(Decision decision) {
		this.jdbc.sql("insert into decisions (" + COLUMNS + """
				) values (:id, :caseId, :type, :reason, :by, :at, :provisionId, :la, :hb, :agreedOn, :agreement,
				  :informationFrom, :informationBy, :supersedes)
				""")
			.param("id", decision.id())
			.param("caseId", decision.caseId())
			.param("type", decision.type().name())
			.param("reason", decision.reasonCode().name())
			.param("by", decision.decidedBy())
			.param("at", Timestamp.from(decision.decidedAt()))
			.param("provisionId", decision.provisionId())
			.param("la", decision.localAuthoritySharePercent())
			.param("hb", decision.healthBoardSharePercent())
			.param("agreedOn", date(decision.agreedOn()))
			.param("agreement", decision.agreementReference())
			.param("informationFrom", (decision.informationFrom() != null) ? decision.informationFrom().name() : null)
			.param("informationBy", date(decision.informationBy()))
			.param("supersedes", decision.supersedes())
			.update();
	}

	/** The case's decisions in the order they were made. */
	public List<Decision> ofCase(CaseId caseId) {
		return this.jdbc.sql("select " + COLUMNS + " from decisions where case_id = ? order by decided_at, id")
			.param(caseId.value())
			.query(DecisionsRepository::decision)
			.list();
	}

	public List<Decision> ofCases(Collection<UUID> caseIds) {
		if (caseIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select " + COLUMNS + " from decisions where case_id = any(:ids) order by decided_at, id")
			.param("ids", caseIds.toArray(UUID[]::new))
			.query(DecisionsRepository::decision)
			.list();
	}

	private static Decision decision(ResultSet rs, int row) throws SQLException {
		return new Decision(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				DecisionType.valueOf(rs.getString("type")), DecisionReason.valueOf(rs.getString("reason_code")),
				rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant(), rs.getString("provision_id"),
				(Integer) rs.getObject("la_share_percent"), (Integer) rs.getObject("hb_share_percent"),
				localDate(rs.getDate("agreed_on")), rs.getString("agreement_reference"),
				(rs.getString("information_from") != null) ? InformationFrom.valueOf(rs.getString("information_from"))
						: null,
				localDate(rs.getDate("information_by")), rs.getObject("supersedes", UUID.class));
	}

	private static LocalDate localDate(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

	private static Date date(LocalDate date) {
		return (date != null) ? Date.valueOf(date) : null;
	}

}
