package cymru.noddfa.registry.provision;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.outbox.Outbox;
import cymru.noddfa.outbox.OutboxMessage;
import cymru.noddfa.registry.RegistryProperties;
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

	private final ProvisionRows rows;

	private final TransactionTemplate transactions;

	private final Outbox outbox;

	private final JsonMapper json;

	private final String topic;

	ProvisionStore(JdbcClient jdbc, ProvisionRows rows, TransactionTemplate transactions, Outbox outbox,
			JsonMapper json, RegistryProperties properties) {
		this.jdbc = jdbc;
		this.rows = rows;
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
	Written create(Provision provision) {
		return this.transactions.execute((tx) -> {
			if (!this.rows.insert(provision)) {
				throw new ProvisionExists(provision.id().value());
			}
			return writeChanges(provision);
		});
	}

	/** Stores a new provision unless one with its id exists; true when it was stored. */
	public boolean createIfAbsent(Provision provision) {
		Boolean created = this.transactions.execute((tx) -> {
			if (!this.rows.insert(provision)) {
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
		return apply(id, null, expectedVersion, change).provision();
	}

	/**
	 * Applies a caller's change under the provision's row lock, once the provision as
	 * locked says the caller keeps it: before the version check, so another provider
	 * learns nothing from a 412 and cannot race a change of ownership.
	 * @param expectedVersion the writer's ETag, or null when the writer did not send one
	 * (confirmations, status changes)
	 */
	Written change(String id, Caller caller, Long expectedVersion, Change change) {
		return apply(id, Objects.requireNonNull(caller), expectedVersion, change);
	}

	private Written apply(String id, Caller caller, Long expectedVersion, Change change) {
		return this.transactions.execute((tx) -> {
			Provision provision = this.rows.load(id, true).orElseThrow(() -> new ProvisionNotFound(id));
			if (caller != null) {
				provision.requireKeeper(caller);
			}
			if (expectedVersion != null && expectedVersion != provision.version()) {
				throw new StaleVersion(expectedVersion, ProvisionState.of(provision));
			}
			change.apply(provision, now());
			if (!provision.isChanged()) {
				return new Written(provision, state(provision));
			}
			this.rows.update(provision);
			return writeChanges(provision);
		});
	}

	/**
	 * The vacancies, the history and the new state's event, in the change's transaction.
	 */
	private Written writeChanges(Provision provision) {
		this.rows.writeVacanciesAndHistory(provision);
		String state = state(provision);
		if (provision.isPublished()) {
			// else a provider's request waits for an admin: the matcher never hears of it
			String id = provision.id().value();
			this.outbox.append(
					new OutboxMessage(UUID.randomUUID(), this.topic, id, EVENT_TYPE, id, provision.updatedAt(), state));
		}
		return new Written(provision, state);
	}

	private String state(Provision provision) {
		return this.json.writeValueAsString(ProvisionState.of(provision));
	}

	public Optional<Provision> find(String id) {
		return this.rows.load(id, false);
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
		List<Provision> provisions = this.rows.withVacancies(
				this.jdbc.sql("select * from provision p " + where + " order by p.id limit :limit offset :offset")
					.params(params)
					.param("limit", size)
					.param("offset", (long) page * size)
					.query(this.rows::details)
					.list());
		return new ProvisionPage(provisions.stream().map(ProvisionState::of).toList(), page, size, total,
				(int) ((total + size - 1) / size));
	}

	Optional<ProvisionHistory> history(String id, ProvisionHistory.Order order, int page, int size) {
		if (find(id).isEmpty()) {
			return Optional.empty();
		}
		long total = this.jdbc.sql("select count(*) from provision_history where provision_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		String sql = """
				select version, changed_at, actor, change, bed_type, before::text as before, after::text as after, reason
				from provision_history where provision_id = ?
				"""
				+ ((order == ProvisionHistory.Order.NEWEST) ? "order by id desc" : "order by id") + " limit ? offset ?";
		List<ProvisionHistory.Item> items = this.jdbc.sql(sql)
			.params(id, size, (long) page * size)
			.query(this.rows::historyItem)
			.list();
		return Optional.of(new ProvisionHistory(id, items, page, size, total, (int) ((total + size - 1) / size)));
	}

	/**
	 * A provision as a write left it, with its whole state as JSON: the event's payload
	 * and the write's answer are the same text, serialised once.
	 */
	record Written(Provision provision, String state) {
	}

	/** A change to apply to a locked provision at the given time. */
	@FunctionalInterface
	public interface Change {

		void apply(Provision provision, Instant at);

	}

}
