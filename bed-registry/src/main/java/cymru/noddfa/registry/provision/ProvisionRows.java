package cymru.noddfa.registry.provision;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a provision is kept in rows: {@code provision} for its details and status,
 * {@code vacancy} per bed type, {@code provision_history} for every change. The SQL that
 * reads and writes them; {@link ProvisionStore} decides when, in one transaction.
 */
@Component
@RequiredArgsConstructor
class ProvisionRows {

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate batches;

	private final JsonMapper json;

	/**
	 * The provision and its vacancies. Locked, these stay two statements: a statement
	 * that waited for the lock sees the provision as the writer before it committed it,
	 * but every other row as they were when the statement began, so only a second
	 * statement after the lock reads that writer's vacancies.
	 */
	Optional<Provision> load(String id, boolean forUpdate) {
		List<Provision> found = withVacancies(
				this.jdbc.sql("select * from provision p where p.id = ?" + (forUpdate ? " for update" : ""))
					.param(id)
					.query(this::details)
					.list());
		return found.stream().findFirst();
	}

	/**
	 * Provisions as stored: details and status first, then their vacancies in one query.
	 */
	List<Provision> withVacancies(List<Stored> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<String, List<Vacancy>> vacancies = new LinkedHashMap<>();
		this.jdbc.sql("select * from vacancy where provision_id = any(?)")
			.param(rows.stream().map(Stored::id).toArray(String[]::new))
			.query((rs) -> {
				vacancies.computeIfAbsent(rs.getString("provision_id"), (k) -> new ArrayList<>())
					.add(new Vacancy(BedType.valueOf(rs.getString("bed_type")), rs.getInt("total"),
							rs.getInt("available"), instant(rs, "confirmed_at"), instant(rs, "updated_at")));
			});
		return rows.stream()
			.map((row) -> Provision.restore(new ProvisionId(row.id()), row.version(), row.details(), row.status(),
					row.statusReason(), vacancies.getOrDefault(row.id(), List.of()), row.updatedAt()))
			.toList();
	}

	Stored details(ResultSet rs, int rowNum) throws SQLException {
		boolean always = rs.getBoolean("admissions_always");
		List<AdmissionWindow> windows = Arrays.stream(strings(rs.getArray("admission_windows")))
			.map((text) -> AdmissionWindow.parse("admission_windows", text))
			.toList();
		ProvisionDetails details = new ProvisionDetails(rs.getString("provider_id"), rs.getString("name"),
				ProvisionKind.valueOf(rs.getString("kind")), rs.getString("region_code"),
				rs.getString("local_authority"), new Location(rs.getDouble("lat"), rs.getDouble("lon")),
				rs.getString("postcode"), new AgeRange(rs.getInt("age_min"), rs.getInt("age_max")),
				Accepts.valueOf(rs.getString("accepts")), List.of(strings(rs.getArray("needs_met"))),
				List.of(strings(rs.getArray("exclusions"))), new Admissions(always, windows),
				rs.getString("regulator_reference"), rs.getString("on_call_phone"),
				rs.getInt("staleness_window_hours"));
		return new Stored(rs.getString("id"), rs.getLong("version"), details,
				ProvisionStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				instant(rs, "updated_at"));
	}

	boolean insert(Provision provision) {
		return this.jdbc
			.sql("""
					insert into provision (id, version, provider_id, name, kind, region_code, local_authority, lat, lon,
					    postcode, age_min, age_max, accepts, needs_met, exclusions, admissions_always, admission_windows,
					    regulator_reference, on_call_phone, status, status_reason, staleness_window_hours, created_at, updated_at)
					values (:id, :version, :providerId, :name, :kind, :regionCode, :localAuthority, :lat, :lon,
					    :postcode, :ageMin, :ageMax, :accepts, :needsMet, :exclusions, :always, :windows,
					    :regulatorReference, :onCallPhone, :status, :statusReason, :staleness, :updatedAt, :updatedAt)
					on conflict (id) do nothing
					""")
			.params(columns(provision))
			.update() == 1;
	}

	void update(Provision provision) {
		this.jdbc.sql("""
				update provision set version = :version, provider_id = :providerId, name = :name, kind = :kind,
				    region_code = :regionCode, local_authority = :localAuthority, lat = :lat, lon = :lon,
				    postcode = :postcode, age_min = :ageMin, age_max = :ageMax, accepts = :accepts,
				    needs_met = :needsMet, exclusions = :exclusions, admissions_always = :always,
				    admission_windows = :windows, regulator_reference = :regulatorReference,
				    on_call_phone = :onCallPhone, status = :status, status_reason = :statusReason,
				    staleness_window_hours = :staleness, updated_at = :updatedAt
				where id = :id
				""").params(columns(provision)).update();
	}

	private static Map<String, Object> columns(Provision provision) {
		ProvisionDetails details = provision.details();
		Map<String, Object> columns = new HashMap<>();
		columns.put("id", provision.id().value());
		columns.put("version", provision.version());
		columns.put("providerId", details.providerId());
		columns.put("name", details.name());
		columns.put("kind", details.kind().name());
		columns.put("regionCode", details.regionCode());
		columns.put("localAuthority", details.localAuthority());
		columns.put("lat", details.location().lat());
		columns.put("lon", details.location().lon());
		columns.put("postcode", details.postcode());
		columns.put("ageMin", details.ageRange().min());
		columns.put("ageMax", details.ageRange().max());
		columns.put("accepts", details.accepts().name());
		columns.put("needsMet", details.needsMet().toArray(String[]::new));
		columns.put("exclusions", details.exclusions().toArray(String[]::new));
		columns.put("always", details.admissions().always());
		columns.put("windows",
				details.admissions().windows().stream().map(AdmissionWindow::text).toArray(String[]::new));
		columns.put("regulatorReference", details.regulatorReference());
		columns.put("onCallPhone", details.onCallPhone());
		columns.put("status", provision.status().name());
		columns.put("statusReason", provision.statusReason());
		columns.put("staleness", details.stalenessWindowHours());
		columns.put("updatedAt", Timestamp.from(provision.updatedAt()));
		return columns;
	}

	/**
	 * The vacancies the change touched and its new history entries, in the caller's
	 * transaction: one batch each, so a change of several bed types still costs one round
	 * trip per table.
	 */
	void writeVacanciesAndHistory(Provision provision) {
		String id = provision.id().value();
		List<Vacancy> vacancies = provision.changedVacancies();
		if (!vacancies.isEmpty()) {
			this.batches.batchUpdate("""
					insert into vacancy (provision_id, bed_type, total, available, confirmed_at, updated_at)
					values (:id, :bedType, :total, :available, :confirmedAt, :updatedAt)
					on conflict (provision_id, bed_type) do update
					set total = excluded.total, available = excluded.available,
					    confirmed_at = excluded.confirmed_at, updated_at = excluded.updated_at
					""",
					vacancies.stream()
						.map((vacancy) -> new MapSqlParameterSource().addValue("id", id)
							.addValue("bedType", vacancy.bedType().name())
							.addValue("total", vacancy.total())
							.addValue("available", vacancy.available())
							.addValue("confirmedAt", Timestamp.from(vacancy.confirmedAt()))
							.addValue("updatedAt", Timestamp.from(vacancy.updatedAt())))
						.toArray(SqlParameterSource[]::new));
		}
		List<HistoryEntry> changes = provision.changes();
		if (!changes.isEmpty()) {
			this.batches.batchUpdate(
					"""
							insert into provision_history (provision_id, version, changed_at, actor, change, bed_type, before, after, reason)
							values (:id, :version, :at, :actor, :change, :bedType, cast(:before as jsonb), cast(:after as jsonb), :reason)
							""",
					changes.stream()
						.map((entry) -> new MapSqlParameterSource().addValue("id", id)
							.addValue("version", entry.version())
							.addValue("at", Timestamp.from(entry.at()))
							.addValue("actor", entry.actor())
							.addValue("change", entry.change().name())
							.addValue("bedType", (entry.bedType() != null) ? entry.bedType().name() : null,
									Types.VARCHAR)
							.addValue("before", jsonText(entry.before()), Types.VARCHAR)
							.addValue("after", jsonText(entry.after()), Types.VARCHAR)
							.addValue("reason", entry.reason(), Types.VARCHAR))
						.toArray(SqlParameterSource[]::new));
		}
	}

	private String jsonText(Object value) {
		return (value != null) ? this.json.writeValueAsString(value) : null;
	}

	ProvisionHistory.Item historyItem(ResultSet rs, int rowNum) throws SQLException {
		return new ProvisionHistory.Item(rs.getLong("version"), instant(rs, "changed_at"), rs.getString("actor"),
				HistoryEntry.Change.valueOf(rs.getString("change")), enumOrNull(rs.getString("bed_type")),
				jsonOrNull(rs.getString("before")), jsonOrNull(rs.getString("after")), rs.getString("reason"));
	}

	private JsonNode jsonOrNull(String text) {
		return (text != null) ? this.json.readTree(text) : null;
	}

	private static BedType enumOrNull(String name) {
		return (name != null) ? BedType.valueOf(name) : null;
	}

	private static String[] strings(Array array) throws SQLException {
		return (String[]) array.getArray();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	/** A provision row before its vacancies are read. */
	record Stored(String id, long version, ProvisionDetails details, ProvisionStatus status, String statusReason,
			Instant updatedAt) {
	}

}
