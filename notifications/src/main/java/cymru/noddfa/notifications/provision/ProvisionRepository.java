package cymru.noddfa.notifications.provision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class ProvisionRepository {

	private final JdbcClient jdbc;

	/**
	 * Takes the state if it is newer than the one held; {@code false} for an old or
	 * repeated version, which changes nothing.
	 */
	boolean newer(String provisionId, long version) {
		return this.jdbc.sql("""
				insert into provisions_seen (provision_id, version) values (?, ?)
				on conflict (provision_id) do update set version = excluded.version
				where provisions_seen.version < excluded.version
				""").params(provisionId, version).update() == 1;
	}

	/**
	 * Replaces the provision's vacancies. A vacancy whose confirmation did not change
	 * keeps the record of its reminder, so one stretch without confirmation gets one
	 * reminder.
	 */
	void replace(ProvisionState state) {
		List<String> bedTypes = state.vacancies().stream().map(ProvisionState.Vacancy::bedType).toList();
		this.jdbc.sql("delete from provision_vacancies where provision_id = ? and not (bed_type = any(?))")
			.params(state.provisionId(), bedTypes.toArray(String[]::new))
			.update();
		for (ProvisionState.Vacancy vacancy : state.vacancies()) {
			this.jdbc.sql("""
					insert into provision_vacancies (provision_id, bed_type, provision_name, region_code, status,
					                                 staleness_hours, confirmed_at)
					values (:provision, :bedType, :name, :region, :status, :hours, :confirmedAt)
					on conflict (provision_id, bed_type) do update set
					    provision_name = excluded.provision_name, region_code = excluded.region_code,
					    status = excluded.status, staleness_hours = excluded.staleness_hours,
					    confirmed_at = excluded.confirmed_at,
					    reminded_for = case when provision_vacancies.confirmed_at = excluded.confirmed_at
					                        then provision_vacancies.reminded_for end
					""")
				.param("provision", state.provisionId())
				.param("bedType", vacancy.bedType())
				.param("name", state.name())
				.param("region", state.regionCode())
				.param("status", state.status())
				.param("hours", state.stalenessWindowHours())
				.param("confirmedAt", Timestamp.from(vacancy.confirmedAt()))
				.update();
		}
	}

	void forget(String provisionId) {
		this.jdbc.sql("delete from provision_vacancies where provision_id = ?").param(provisionId).update();
	}

	/**
	 * Open provisions' vacancies unconfirmed past their window with no reminder yet for
	 * that confirmation, locked for this transaction.
	 */
	List<Unconfirmed> unconfirmed(Instant now, int limit) {
		return this.jdbc.sql("""
				select provision_id, bed_type, provision_name, region_code, confirmed_at
				from provision_vacancies
				where status = 'OPEN'
				  and confirmed_at + make_interval(hours => staleness_hours) < ?
				  and reminded_for is distinct from confirmed_at
				order by confirmed_at limit ?
				for update skip locked
				""")
			.params(Timestamp.from(now), limit)
			.query((rs, n) -> new Unconfirmed(rs.getString("provision_id"), rs.getString("bed_type"),
					rs.getString("provision_name"), rs.getString("region_code"),
					rs.getTimestamp("confirmed_at").toInstant()))
			.list();
	}

	void reminded(Unconfirmed vacancy) {
		this.jdbc
			.sql("update provision_vacancies set reminded_for = confirmed_at where provision_id = ? and bed_type = ?")
			.params(vacancy.provisionId(), vacancy.bedType())
			.update();
	}

	record Unconfirmed(String provisionId, String bedType, String provisionName, String regionCode,
			Instant confirmedAt) {

	}

}
