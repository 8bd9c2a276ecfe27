package cymru.noddfa.matcher.availability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The matcher's record of beds spoken for. Every change is one conditional statement on
 * the provision/bed-type row, so it is exact however many matcher instances run.
 * <p>
 * Beside it, each provision's latest state as folded ({@code provision_state}): with the
 * ledger rows it is everything Redis mirrors, so a provision whose Redis copy is missing
 * or behind can be written again whole ({@link RecordedProvision}).
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class BedLedgerRepository {

	private static final String COLUMNS = "provision_id, bed_type, available, held, placed, provision_version, revision";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	/**
	 * Folds a provision's new state in, unless a version as new is already recorded.
	 * Placements counted against the old figure are forgotten when the provider's vacancy
	 * changed, because the provider's new figure already reflects them. The state itself
	 * is kept too, under the same rule.
	 */
	void fold(ProvisionState state) {
		fold(List.of(state));
	}

	/**
	 * {@link #fold(ProvisionState)} for a poll's states in four statements, whatever
	 * their number. Of several states of one provision only the newest is folded: the
	 * older ones would each be replaced by it, and one statement may change a row only
	 * once.
	 */
	void fold(List<ProvisionState> states) {
		if (states.isEmpty()) {
			return;
		}
		Map<String, ProvisionState> newest = new LinkedHashMap<>();
		for (ProvisionState state : states) {
			newest.merge(state.provisionId(), state, (held, next) -> (next.version() > held.version()) ? next : held);
		}
		List<ProvisionState> folded = List.copyOf(newest.values());
		LedgerFigures figures = LedgerFigures.of(folded);
		this.jdbc.sql("""
				insert into bed_ledger (provision_id, bed_type, available, provision_version, vacancy_updated_at)
				select provision_id, bed_type, available, version, cast(updated_at as timestamptz)
				  from unnest(:provisions, :bedTypes, :availables, :versions, :updatedAts)
				       as r(provision_id, bed_type, available, version, updated_at)
				on conflict (provision_id, bed_type) do update
				   set available = excluded.available,
				       placed = case when bed_ledger.vacancy_updated_at is distinct from excluded.vacancy_updated_at
				                       or bed_ledger.available <> excluded.available
				                     then 0 else bed_ledger.placed end,
				       provision_version = excluded.provision_version,
				       vacancy_updated_at = excluded.vacancy_updated_at,
				       revision = bed_ledger.revision + 1
				 where bed_ledger.provision_version < excluded.provision_version
				""")
			.param("provisions", figures.provisionIds())
			.param("bedTypes", figures.bedTypes())
			.param("availables", figures.availables())
			.param("versions", figures.versions())
			.param("updatedAts", figures.updatedAts())
			.update();
		recordProviders(folded);
		// a bed type the new state no longer has: nothing available there any more
		this.jdbc.sql("""
				update bed_ledger b
				   set available = 0, placed = 0, provision_version = s.version, vacancy_updated_at = null,
				       revision = b.revision + 1
				  from unnest(:provisions, :versions, :present) as s(provision_id, version, present)
				 where b.provision_id = s.provision_id and b.provision_version < s.version
				   and not (b.bed_type = any(string_to_array(s.present, chr(31))))
				""")
			.param("provisions", folded.stream().map(ProvisionState::provisionId).toArray(String[]::new))
			.param("versions", folded.stream().map(ProvisionState::version).toArray(Long[]::new))
			.param("present", folded.stream().map(LedgerFigures::presentBedTypes).toArray(String[]::new))
			.update();
		recordStates(folded);
	}

	/**
	 * Keeps each provision's state unless one as new is kept; a deleted provision's
	 * (version 0, no state) is replaced by any. The columns a search in SQL tests
	 * ({@code SqlSearchEngine}) are written with it, from the state as read here, so they
	 * always say what the state says.
	 */
	void recordStates(List<ProvisionState> states) {
		if (states.isEmpty()) {
			return;
		}
		SearchableColumns columns = SearchableColumns.of(states);
		this.jdbc.sql("""
				insert into provision_state (provision_id, version, state, region_code, status, lat, lon, age_min,
				       age_max, accepts, needs_met, exclusions, bed_types, admits_always, admission_from,
				       admission_to, staleness_window_hours)
				select provision_id, version, state, region_code, status, lat, lon, age_min, age_max, accepts,
				       string_to_array(needs_met, chr(31)), string_to_array(exclusions, chr(31)),
				       string_to_array(bed_types, chr(31)), admits_always,
				       cast(string_to_array(admission_from, chr(31)) as time[]),
				       cast(string_to_array(admission_to, chr(31)) as time[]), staleness_window_hours
				  from unnest(:provisions, :versions, :states, :regions, :statuses, :lats, :lons, :ageMins,
				              :ageMaxes, :accepts, :needs, :exclusions, :bedTypes, :admitsAlways, :opens, :closes,
				              :stalenessHours)
				       as s(provision_id, version, state, region_code, status, lat, lon, age_min, age_max, accepts,
				            needs_met, exclusions, bed_types, admits_always, admission_from, admission_to,
				            staleness_window_hours)
				on conflict (provision_id) do update
				   set version = excluded.version, state = excluded.state, recorded_at = now(),
				       region_code = excluded.region_code, status = excluded.status, lat = excluded.lat,
				       lon = excluded.lon, age_min = excluded.age_min, age_max = excluded.age_max,
				       accepts = excluded.accepts, needs_met = excluded.needs_met, exclusions = excluded.exclusions,
				       bed_types = excluded.bed_types, admits_always = excluded.admits_always,
				       admission_from = excluded.admission_from, admission_to = excluded.admission_to,
				       staleness_window_hours = excluded.staleness_window_hours
				 where provision_state.version < excluded.version
				""")
			.param("provisions", columns.provisionIds())
			.param("versions", columns.versions())
			.param("states", states.stream().map(this.json::writeValueAsString).toArray(String[]::new))
			.param("regions", columns.regionCodes())
			.param("statuses", columns.statuses())
			.param("lats", columns.lats())
			.param("lons", columns.lons())
			.param("ageMins", columns.ageMins())
			.param("ageMaxes", columns.ageMaxes())
			.param("accepts", columns.accepts())
			.param("needs", columns.needsMet())
			.param("exclusions", columns.exclusions())
			.param("bedTypes", columns.bedTypes())
			.param("admitsAlways", columns.admitsAlways())
			.param("opens", columns.admissionFrom())
			.param("closes", columns.admissionTo())
			.param("stalenessHours", columns.stalenessWindowHours())
			.update();
	}

	/** The provision as recorded here now: its latest state and all its ledger rows. */
	RecordedProvision provision(String provisionId) {
		return provisions(List.of(provisionId)).getFirst();
	}

	/**
	 * Up to {@code limit} provision ids known here (with a state or ledger rows), in
	 * order, after {@code after}.
	 */
	List<String> provisionIds(String after, int limit) {
		// each side walks its own primary key for at most a page, so a page costs the
		// same at the end of the table as at its start
		return this.jdbc.sql("""
				select provision_id from (
				    (select provision_id from provision_state where provision_id > :after
				      order by provision_id limit :limit)
				    union
				    (select distinct provision_id from bed_ledger where provision_id > :after
				      order by provision_id limit :limit)
				) known
				order by provision_id
				limit :limit
				""").param("after", after).param("limit", limit).query(String.class).list();
	}

	/** These provisions as recorded here, in the same order. */
	List<RecordedProvision> provisions(List<String> provisionIds) {
		Map<String, StoredState> states = new HashMap<>();
		this.jdbc.sql("select provision_id, state from provision_state where provision_id = any(:provisions)")
			.param("provisions", provisionIds.toArray(String[]::new))
			.query((rs, rowNum) -> new StoredState(rs.getString("provision_id"), rs.getString("state")))
			.list()
			.forEach((stored) -> states.put(stored.provisionId(), stored));
		Map<String, List<LedgerRow>> rows = ledgerRows(provisionIds);
		return provisionIds.stream().map((id) -> {
			StoredState stored = states.get(id);
			List<LedgerRow> ledger = rows.getOrDefault(id, List.of());
			boolean deleted = deleted((stored != null) ? stored.state() == null : null, ledger);
			ProvisionState state = (stored != null && stored.state() != null)
					? this.json.readValue(stored.state(), ProvisionState.class) : null;
			return new RecordedProvision(id, state, deleted, ledger);
		}).toList();
	}

	/**
	 * What {@link #provisions} would say of these provisions' versions, in the same
	 * order, without reading or parsing their states: the reconcile compares every
	 * provision's versions and reads whole only those Redis lacks.
	 */
	List<RecordedVersions> versions(List<String> provisionIds) {
		Map<String, StoredVersion> states = new HashMap<>();
		this.jdbc
			.sql("select provision_id, version, state is null as deleted from provision_state "
					+ "where provision_id = any(:provisions)")
			.param("provisions", provisionIds.toArray(String[]::new))
			.query((rs, rowNum) -> new StoredVersion(rs.getString("provision_id"), rs.getLong("version"),
					rs.getBoolean("deleted")))
			.list()
			.forEach((stored) -> states.put(stored.provisionId(), stored));
		Map<String, List<LedgerRow>> rows = ledgerRows(provisionIds);
		return provisionIds.stream().map((id) -> {
			StoredVersion stored = states.get(id);
			List<LedgerRow> ledger = rows.getOrDefault(id, List.of());
			boolean deleted = deleted((stored != null) ? stored.deleted() : null, ledger);
			Long version = (stored != null && !stored.deleted()) ? stored.version() : null;
			return new RecordedVersions(id, version, deleted, ledger);
		}).toList();
	}

	private Map<String, List<LedgerRow>> ledgerRows(List<String> provisionIds) {
		Map<String, List<LedgerRow>> rows = new LinkedHashMap<>();
		this.jdbc
			.sql("select %s from bed_ledger where provision_id = any(:provisions) order by bed_type".formatted(COLUMNS))
			.param("provisions", provisionIds.toArray(String[]::new))
			.query(BedLedgerRepository::row)
			.list()
			.forEach((row) -> rows.computeIfAbsent(row.provisionId(), (id) -> new ArrayList<>()).add(row));
		return rows;
	}

	/**
	 * Whether a provision's tombstone was folded last: its recorded state says so, or,
	 * with no state recorded ({@code stateDeleted} null), every ledger row is a
	 * tombstone's.
	 */
	private static boolean deleted(Boolean stateDeleted, List<LedgerRow> ledger) {
		return (stateDeleted != null) ? stateDeleted
				: !ledger.isEmpty() && ledger.stream().allMatch((row) -> row.provisionVersion() == 0);
	}

	private record StoredVersion(String provisionId, long version, boolean deleted) {
	}

	private record StoredState(String provisionId, String state) {
	}

	/**
	 * Records which provider keeps each provision, from a state at least as new as the
	 * ledger's: rows folded before the owner was recorded get it on a replay of the same
	 * version too.
	 */
	void recordProviders(List<ProvisionState> states) {
		List<ProvisionState> owned = states.stream().filter((state) -> state.providerId() != null).toList();
		if (owned.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				update bed_ledger b set provider_id = v.provider
				  from unnest(:provisions, :providers, :versions) as v(provision, provider, version)
				 where b.provision_id = v.provision and b.provision_version <= v.version
				   and b.provider_id is distinct from v.provider
				""")
			.param("provisions", owned.stream().map(ProvisionState::provisionId).toArray(String[]::new))
			.param("providers", owned.stream().map(ProvisionState::providerId).toArray(String[]::new))
			.param("versions", owned.stream().map(ProvisionState::version).toArray(Long[]::new))
			.update();
	}

	/** The provider that keeps the provision, if the ledger knows it. */
	public Optional<String> providerOf(String provisionId) {
		return this.jdbc.sql(
				"select provider_id from bed_ledger where provision_id = :provision and provider_id is not null limit 1")
			.param("provision", provisionId)
			.query(String.class)
			.optional();
	}

	/**
	 * A deleted provision has nothing available; holds on it can only be answered. Its
	 * state is forgotten (version 0, as its rows), so that a provision made again under
	 * the same id from version 1 is folded.
	 */
	List<LedgerRow> remove(String provisionId) {
		this.jdbc.sql("""
				insert into provision_state (provision_id, version, state) values (:provision, 0, null)
				on conflict (provision_id) do update
				   set version = 0, state = null, recorded_at = now(), region_code = null, status = null,
				       lat = null, lon = null, age_min = null, age_max = null, accepts = null, needs_met = null,
				       exclusions = null, bed_types = null, admits_always = null, admission_from = null,
				       admission_to = null, staleness_window_hours = null
				""").param("provision", provisionId).update();
		return this.jdbc.sql("""
				update bed_ledger set available = 0, placed = 0, provision_version = 0, revision = revision + 1
				 where provision_id = :provision
				returning %s
				""".formatted(COLUMNS)).param("provision", provisionId).query(BedLedgerRepository::row).list();
	}

	/**
	 * Takes one bed if one is free: the guarded update is the whole concurrency rule (two
	 * teams can never be given the same last bed).
	 */
	public Optional<LedgerRow> hold(String provisionId, BedType bedType) {
		return this.jdbc.sql("""
				update bed_ledger set held = held + 1, revision = revision + 1
				 where provision_id = :provision and bed_type = :bedType
				   and held + placed < available
				returning %s
				""".formatted(COLUMNS))
			.param("provision", provisionId)
			.param("bedType", bedType.name())
			.query(BedLedgerRepository::row)
			.optional();
	}

	/** Gives a held bed back (declined, expired, cancelled). */
	public LedgerRow release(String provisionId, BedType bedType) {
		return moveHeld("held = held - 1", provisionId, bedType);
	}

	/**
	 * A held bed is now occupied: it counts as placed until the provider's next update,
	 * which includes the child.
	 */
	public LedgerRow place(String provisionId, BedType bedType) {
		return moveHeld("held = held - 1, placed = placed + 1", provisionId, bedType);
	}

	/**
	 * Moves one held bed on, only while the row still counts one held (a provider update
	 * in between may have reset it); the row as it then stands either way.
	 */
	private LedgerRow moveHeld(String change, String provisionId, BedType bedType) {
		return this.jdbc.sql("""
				update bed_ledger set %s, revision = revision + 1
				 where provision_id = :provision and bed_type = :bedType and held > 0
				returning %s
				""".formatted(change, COLUMNS))
			.param("provision", provisionId)
			.param("bedType", bedType.name())
			.query(BedLedgerRepository::row)
			.optional()
			.orElseGet(() -> find(provisionId, bedType).orElseThrow());
	}

	public Optional<LedgerRow> find(String provisionId, BedType bedType) {
		return this.jdbc
			.sql("select %s from bed_ledger where provision_id = :provision and bed_type = :bedType".formatted(COLUMNS))
			.param("provision", provisionId)
			.param("bedType", bedType.name())
			.query(BedLedgerRepository::row)
			.optional();
	}

	List<LedgerRow> all() {
		return this.jdbc.sql("select %s from bed_ledger".formatted(COLUMNS)).query(BedLedgerRepository::row).list();
	}

	private static LedgerRow row(ResultSet rs, int rowNum) throws SQLException {
		return new LedgerRow(rs.getString("provision_id"), BedType.valueOf(rs.getString("bed_type")),
				rs.getInt("available"), rs.getInt("held"), rs.getInt("placed"), rs.getLong("provision_version"),
				rs.getLong("revision"));
	}

}
