package cymru.noddfa.panels.provision;

import java.util.Arrays;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The panel's own copy of the registry's provisions, a fold of its compacted topic: a
 * state not newer than the one held changes nothing.
 */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProvisionsRepository {

	private final JdbcClient jdbc;

	public Optional<KnownProvision> find(String provisionId) {
		return this.jdbc.sql("""
				select provision_id, version, name, region_code, status, bed_types from provisions
				where provision_id = ?
				""")
			.param(provisionId)
			.query((rs, row) -> new KnownProvision(rs.getString("provision_id"), rs.getLong("version"),
					rs.getString("name"), rs.getString("region_code"), rs.getString("status"),
					Arrays.asList((String[]) rs.getArray("bed_types").getArray())))
			.optional();
	}

	/** Keeps the state if it is newer than the one held; {@code true} when it was. */
	boolean keep(KnownProvision state) {
		return this.jdbc.sql("""
				insert into provisions (provision_id, version, name, region_code, status, bed_types)
				values (:id, :version, :name, :region, :status, :bedTypes)
				on conflict (provision_id) do update
				set version = excluded.version, name = excluded.name, region_code = excluded.region_code,
				    status = excluded.status, bed_types = excluded.bed_types
				where provisions.version < excluded.version
				""")
			.param("id", state.provisionId())
			.param("version", state.version())
			.param("name", state.name())
			.param("region", state.regionCode())
			.param("status", state.status())
			.param("bedTypes", state.bedTypes().toArray(String[]::new))
			.update() == 1;
	}

	/** A tombstone: the provision was deleted and can no longer be approved. */
	void forget(String provisionId) {
		this.jdbc.sql("delete from provisions where provision_id = ?").param(provisionId).update();
	}

}
