package cymru.noddfa.registry.provision;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.outbox.Outbox;
import cymru.noddfa.outbox.OutboxMessage;
import cymru.noddfa.registry.RegistryProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Provisions in PostgreSQL. A change is one transaction: lock the provision's row, check
 * the writer's version, let the provision apply the change, write its new state, its
 * history and its {@code registry.provision-state.v1} event (through the outbox), commit.
 */
@Component
public class ProvisionStore {

	static final String EVENT_TYPE = "cymru.noddfa.registry.ProvisionStateChanged.v1";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Outbox outbox;

	private final JsonMapper json;

	private final String topic;

	ProvisionStore(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox, JsonMapper json,
			RegistryProperties properties) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.outbox = outbox;
		this.json = json;
		this.topic = properties.topics().provisionState();
	}

	/** Now, to the millisecond, so what is stored is exactly what is published. */
	public static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	/** Stores a new provision; {@link ProvisionExists} when the id is taken. */
	public Provision create(Provision provision) {
		return this.transactions.execute((tx) -> {
			if (!insert(provision)) {
				throw new ProvisionExists(provision.id().value());
			}
			writeChanges(provision);
			return provision;
		});
	}

	/** Stores a new provision unless one with its id exists; true when it was stored. */
	public boolean createIfAbsent(Provision provision) {
		Boolean created = this.transactions.execute((tx) -> {
			if (!insert(provision)) {
				return false;
			}
			writeChanges(provision);
			return true;
		});
		return Boolean.TRUE.equals(created);
	}

	/**
	 * Applies the service's own change (a placement) under the provision's row lock.
	 * @param expectedVersion the version the change was decided on, or null
	 */
	public Provision change(String id, Long expectedVersion, Change change) {
		return apply(id, null, expectedVersion, change);
	}

	/**
	 * Applies a caller's change under the provision's row lock, once the provision as
	 * locked says the caller keeps it: before the version check, so another provider
	 * learns nothing from a 412 and cannot race a change of ownership.
	 * @param expectedVersion the writer's ETag, or null when the writer did not send one
	 * (confirmations, status changes)
	 */
	public Provision change(String id, Caller caller, Long expectedVersion, Change change) {
		return apply(id, Objects.requireNonNull(caller), expectedVersion, change);
	}

	private Provision apply(String id, Caller caller, Long expectedVersion, Change change) {
		return this.transactions.execute((tx) -> {
			Provision provision = load(id, true).orElseThrow(() -> new ProvisionNotFound(id));
			if (caller != null) {
				provision.requireKeeper(caller);
			}
			if (expectedVersion != null && expectedVersion != provision.version()) {
				throw new StaleVersion(expectedVersion, ProvisionState.of(provision));
			}
			change.apply(provision, now());
			if (provision.isChanged()) {
				update(provision);
				writeChanges(provision);
			}
			return provision;
		});
	}

	public Optional<Provision> find(String id) {
		return load(id, false);
	}

	ProvisionPage list(ProvisionFilter filter, int page, int size) {
		StringBuilder where = new StringBuilder("where true");
		Map<String, Object> params = new HashMap<>();
		if (filter.regionCode() != null) {
			where.append(" and p.region_code = :region");
			params.put("region", filter.regionCode());
		}
		if (filter.kind() != null) {
			where.append(" and p.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.providerId() != null) {
			where.append(" and p.provider_id = :provider");
			params.put("provider", filter.providerId());
		}
		if (filter.status() != null) {
			where.append(" and p.status = :status");
			params.put("status", filter.status().name());
		}
		if (!filter.needs().isEmpty()) {
			// every need asked for is met
			where.append(" and p.needs_met @> cast(:needs as text[])");
			params.put("needs", filter.needs().toArray(String[]::new));
		}
		if (filter.bedType() != null) {
			where.append(" and exists (select 1 from vacancy v"
					+ " where v.provision_id = p.id and v.bed_type = :bedType and v.total > 0)");
			params.put("bedType", filter.bedType().name());
		}
		long total = this.jdbc.sql("select count(*) from provision p " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Provision> provisions = withVacancies(
				this.jdbc.sql("select * from provision p " + where + " order by p.id limit :limit offset :offset")
					.params(params)
					.param("limit", size)
					.param("offset", (long) page * size)
					.query(this::details)
					.list());
		return new ProvisionPage(provisions.stream().map(ProvisionState::of).toList(), page, size, total,
				(int) ((total + size - 1) / size));
	}

	Optional<ProvisionHistory> history(String id, int page, int size) {
		if (find(id).isEmpty()) {
			return Optional.empty();
		}
		long total = this.jdbc.sql("select count(*) from provision_history where provision_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		List<ProvisionHistory.Item> items = this.jdbc
			.sql("""
					select version, changed_at, actor, change, bed_type, before::text as before, after::text as after, reason
					from provision_history where provision_id = ? order by id limit ? offset ?
					""")
			.params(id, size, (long) page * size)
			.query((rs, n) -> new ProvisionHistory.Item(rs.getLong("version"), instant(rs, "changed_at"),
					rs.getString("actor"), HistoryEntry.Change.valueOf(rs.getString("change")),
					enumOrNull(rs.getString("bed_type")), jsonOrNull(rs.getString("before")),
					jsonOrNull(rs.getString("after")), rs.getString("reason")))
			.list();
		return Optional.of(new ProvisionHistory(id, items, page, size, total, (int) ((total + size - 1) / size)));
	}

	private Optional<Provision> load(String id, boolean forUpdate) {
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
	private List<Provision> withVacancies(List<Stored> rows) {
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

	private Stored details(ResultSet rs, int rowNum) throws SQLException {
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

	private boolean insert(Provision provision) {
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

	private void update(Provision provision) {
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
	 * The vacancies, the history and the new state's event, in the change's transaction.
	 */
	private void writeChanges(Provision provision) {
		String id = provision.id().value();
		for (Vacancy vacancy : provision.vacancies()) {
			this.jdbc.sql("""
					insert into vacancy (provision_id, bed_type, total, available, confirmed_at, updated_at)
					values (:id, :bedType, :total, :available, :confirmedAt, :updatedAt)
					on conflict (provision_id, bed_type) do update
					set total = excluded.total, available = excluded.available,
					    confirmed_at = excluded.confirmed_at, updated_at = excluded.updated_at
					""")
				.param("id", id)
				.param("bedType", vacancy.bedType().name())
				.param("total", vacancy.total())
				.param("available", vacancy.available())
				.param("confirmedAt", Timestamp.from(vacancy.confirmedAt()))
				.param("updatedAt", Timestamp.from(vacancy.updatedAt()))
				.update();
		}
		for (HistoryEntry entry : provision.changes()) {
			this.jdbc
				.sql("""
						insert into provision_history (provision_id, version, changed_at, actor, change, bed_type, before, after, reason)
						values (:id, :version, :at, :actor, :change, :bedType, cast(:before as jsonb), cast(:after as jsonb), :reason)
						""")
				.param("id", id)
				.param("version", entry.version())
				.param("at", Timestamp.from(entry.at()))
				.param("actor", entry.actor())
				.param("change", entry.change().name())
				.param("bedType", (entry.bedType() != null) ? entry.bedType().name() : null)
				.param("before", (entry.before() != null) ? this.json.writeValueAsString(entry.before()) : null)
				.param("after", (entry.after() != null) ? this.json.writeValueAsString(entry.after()) : null)
				.param("reason", entry.reason())
				.update();
		}
		this.outbox.append(new OutboxMessage(UUID.randomUUID(), this.topic, id, EVENT_TYPE, id, provision.updatedAt(),
				this.json.writeValueAsString(ProvisionState.of(provision))));
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

	/** A change to apply to a locked provision at the given time. */
	@FunctionalInterface
	public interface Change {

		void apply(Provision provision, Instant at);

	}

	private record Stored(String id, long version, ProvisionDetails details, ProvisionStatus status,
			String statusReason, Instant updatedAt) {
	}

}
