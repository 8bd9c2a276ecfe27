package cymru.noddfa.panels.funding;

import java.sql.Date;
import java.time.LocalDate;

import cymru.noddfa.panels.casework.CaseId;
import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The days on which each case's overdue funding was announced. */
@Repository
@RequiredArgsConstructor
class FundingAlertsRepository {

	private final JdbcClient jdbc;

	/**
	 * Claims the day for the case's announcement; {@code false} when it was already made
	 * that day (by this instance or another: the primary key decides).
	 */
	boolean claim(CaseId caseId, LocalDate day, long daysWaiting) {
		return this.jdbc.sql("""
				insert into funding_alerts (case_id, alerted_on, days_waiting) values (?, ?, ?)
				on conflict (case_id, alerted_on) do nothing
				""").params(caseId.value(), Date.valueOf(day), daysWaiting).update() == 1;
	}

}
