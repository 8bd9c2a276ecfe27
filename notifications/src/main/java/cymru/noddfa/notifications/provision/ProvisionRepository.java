package cymru.noddfa.notifications.provision;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class ProvisionRepository {

	private final JdbcClient jdbc;

	/** The versions held of those provisions this service has seen. */
	Map<String, Long> versions(Collection<String> provisionIds) {
		Map<String, Long> versions = new HashMap<>();
		this.jdbc.sql("select provision_id, version from provisions_seen where provision_id = any(?)")
			.param(provisionIds.toArray(String[]::new))
			.query((ResultSet rs) -> {
				versions.put(rs.getString(1), rs.getLong(2));
			});
		return versions;
	}

	/**
	 * Takes each state, of provisions each given once, if it is newer than the one held,
	 * in one statement; an old or repeated version changes nothing. The ids whose state
	 * was taken.
	 */
	Set<String> newer(List<ProvisionState> states) {
		return Set.copyOf(this.jdbc.sql("""
				insert into provisions_seen (provision_id, version)
				select * from unnest(:provisions, :versions)
				on conflict (provision_id) do update set version = excluded.version
				where provisions_seen.version < excluded.version
				returning provision_id
				""")
			.param("provisions", states.stream().map(ProvisionState::provisionId).toArray(String[]::new))
			.param("versions", states.stream().map(ProvisionState::version).toArray(Long[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * Replaces the vacancies of provisions each given once, in two statements. A vacancy
	 * whose confirmation did not change keeps the record of its reminder, so one stretch
	 * without confirmation gets one reminder. A list of bed types travels as one text
	 * joined by the unit separator (U+001F).
	 */
	void replace(List<ProvisionState> states) {
		if (states.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				delete from provision_vacancies v
				 using unnest(:provisions, :bedTypes) as s(provision_id, bed_types)
				 where v.provision_id = s.provision_id
				   and not (v.bed_type = any(string_to_array(s.bed_types, chr(31))))
				""")
			.param("provisions", states.stream().map(ProvisionState::provisionId).toArray(String[]::new))
			.param("bedTypes",
					states.stream()
						.map((state) -> String.join("\u001f",
								state.vacancies().stream().map(ProvisionState.Vacancy::bedType).toList()))
						.toArray(String[]::new))
			.update();
		List<String[]> rows = new ArrayList<>();
		for (ProvisionState state : states) {
			for (ProvisionState.Vacancy vacancy : state.vacancies()) {
				rows.add(new String[] { state.provisionId(), vacancy.bedType(), state.name(), state.regionCode(),
						state.status(), Integer.toString(state.stalenessWindowHours()),
						vacancy.confirmedAt().toString() });
			}
		}
		this.jdbc
			.sql("""
					insert into provision_vacancies (provision_id, bed_type, provision_name, region_code, status,
					                                 staleness_hours, confirmed_at)
					select provision_id, bed_type, name, region, status, cast(hours as int), cast(confirmed_at as timestamptz)
					  from unnest(:provisions, :bedTypes, :names, :regions, :statuses, :hours, :confirmedAts)
					       as r(provision_id, bed_type, name, region, status, hours, confirmed_at)
					on conflict (provision_id, bed_type) do update set
					    provision_name = excluded.provision_name, region_code = excluded.region_code,
					    status = excluded.status, staleness_hours = excluded.staleness_hours,
					    confirmed_at = excluded.confirmed_at,
					    reminded_for = case when provision_vacancies.confirmed_at = excluded.confirmed_at
					                        then provision_vacancies.reminded_for end
					""")
			.param("provisions", column(rows, 0))
			.param("bedTypes", column(rows, 1))
			.param("names", column(rows, 2))
			.param("regions", column(rows, 3))
			.param("statuses", column(rows, 4))
			.param("hours", column(rows, 5))
			.param("confirmedAts", column(rows, 6))
			.update();
	}

	private static String[] column(List<String[]> rows, int index) {
		return rows.stream().map((row) -> row[index]).toArray(String[]::new);
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
