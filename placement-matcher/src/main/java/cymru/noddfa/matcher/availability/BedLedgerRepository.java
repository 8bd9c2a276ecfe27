package cymru.noddfa.matcher.availability;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The matcher's record of beds spoken for. Every change is one conditional statement on
 * the provision/bed-type row, so it is exact however many matcher instances run.
 */
@Repository
public class BedLedgerRepository {

	private static final String COLUMNS = "provision_id, bed_type, available, held, placed, provision_version, revision";

	private final JdbcClient jdbc;

	BedLedgerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Folds a provision's new state in, unless a version as new is already recorded.
	 * Placements counted against the old figure are forgotten when the provider's vacancy
	 * changed, because the provider's new figure already reflects them.
	 */
	List<LedgerRow> fold(ProvisionState state) {
		List<LedgerRow> changed = new ArrayList<>();
		List<String> present = new ArrayList<>();
		for (ProvisionState.Vacancy vacancy : state.vacancies()) {
			if (BedType.parse(vacancy.bedType()).isEmpty()) {
				continue;
			}
			present.add(vacancy.bedType());
			this.jdbc.sql("""
					insert into bed_ledger (provision_id, bed_type, available, provision_version, vacancy_updated_at)
					values (:provision, :bedType, :available, :version, :updatedAt)
					on conflict (provision_id, bed_type) do update
					   set available = excluded.available,
					       placed = case when bed_ledger.vacancy_updated_at is distinct from excluded.vacancy_updated_at
					                       or bed_ledger.available <> excluded.available
					                     then 0 else bed_ledger.placed end,
					       provision_version = excluded.provision_version,
					       vacancy_updated_at = excluded.vacancy_updated_at,
					       revision = bed_ledger.revision + 1
					 where bed_ledger.provision_version < excluded.provision_version
					returning %s
					""".formatted(COLUMNS))
				.param("provision", state.provisionId())
				.param("bedType", vacancy.bedType())
				.param("available", Math.max(0, vacancy.available()))
				.param("version", state.version())
				.param("updatedAt", timestamp(vacancy.updatedAt()))
				.query(BedLedgerRepository::row)
				.optional()
				.ifPresent(changed::add);
		}
		recordProvider(state);
		changed.addAll(this.jdbc.sql("""
				update bed_ledger
				   set available = 0, placed = 0, provision_version = :version, vacancy_updated_at = null,
				       revision = revision + 1
				 where provision_id = :provision and provision_version < :version
				   and not (bed_type = any(:present))
				returning %s
				""".formatted(COLUMNS))
			.param("provision", state.provisionId())
			.param("version", state.version())
			.param("present", present.toArray(String[]::new))
			.query(BedLedgerRepository::row)
			.list());
		return changed;
	}

	/**
	 * Records which provider keeps the provision, from a state at least as new as the
	 * ledger's: rows folded before the owner was recorded get it on a replay of the same
	 * version too.
	 */
	void recordProvider(ProvisionState state) {
		if (state.providerId() == null) {
			return;
		}
		this.jdbc.sql("""
				update bed_ledger set provider_id = :provider
				 where provision_id = :provision and provision_version <= :version
				   and provider_id is distinct from :provider
				""")
			.param("provider", state.providerId())
			.param("provision", state.provisionId())
			.param("version", state.version())
			.update();
	}

	/** {@link #recordProvider} for many provisions in one statement. */
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

	/** A deleted provision has nothing available; holds on it can only be answered. */
	List<LedgerRow> remove(String provisionId) {
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

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static LedgerRow row(ResultSet rs, int rowNum) throws SQLException {
		return new LedgerRow(rs.getString("provision_id"), BedType.valueOf(rs.getString("bed_type")),
				rs.getInt("available"), rs.getInt("held"), rs.getInt("placed"), rs.getLong("provision_version"),
				rs.getLong("revision"));
	}

}
