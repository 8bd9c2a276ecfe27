package cymru.noddfa.registry.provision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.registry.provision.HistoryEntry.Change;
import cymru.noddfa.registry.provision.HistoryEntry.Counts;
import cymru.noddfa.registry.provision.HistoryEntry.StatusOf;

/**
 * A unit that can take children, with its vacancies per bed type. It guards its own
 * transitions and records each change (with who and when) for the history; every change
 * raises the version by exactly one, however many parts of it a single write touches.
 */
public final class Provision {

	static final int LONGEST_REASON = 200;

	private final ProvisionId id;

	private final long loadedVersion;

	private long version;

	private ProvisionDetails details;

	private ProvisionStatus status;

	private String statusReason;

	private final Map<BedType, Vacancy> vacancies = new EnumMap<>(BedType.class);

	private Instant updatedAt;

	private final List<HistoryEntry> changes = new ArrayList<>();

	private Provision(ProvisionId id, long version, ProvisionDetails details, ProvisionStatus status,
			String statusReason, Collection<Vacancy> vacancies, Instant updatedAt) {
		this.id = id;
		this.loadedVersion = version;
		this.version = version;
		this.details = details;
		this.status = status;
		this.statusReason = statusReason;
		vacancies.forEach((vacancy) -> this.vacancies.put(vacancy.bedType(), vacancy));
		this.updatedAt = updatedAt;
	}

	/**
	 * A new provision at version 1, its initial vacancies confirmed now: open when an
	 * admin onboards it, awaiting an admin's approval when a provider asks for it.
	 */
	public static Provision create(ProvisionId id, ProvisionDetails details, List<VacancyCount> vacancies, String by,
			boolean approved, Instant at) {
		ProvisionStatus status = approved ? ProvisionStatus.OPEN : ProvisionStatus.PENDING_APPROVAL;
		Provision provision = new Provision(id, 0, details, status, null, List.of(), at);
		provision.record(by, at, Change.CREATED, null, null, new StatusOf(status, null), null);
		provision.setVacancies(vacancies, by, at);
		return provision;
	}

	/** As stored: no changes pending. */
	public static Provision restore(ProvisionId id, long version, ProvisionDetails details, ProvisionStatus status,
			String statusReason, Collection<Vacancy> vacancies, Instant updatedAt) {
		return new Provision(id, version, details, status, statusReason, vacancies, updatedAt);
	}

	/**
	 * Its provider's staff or an admin; nobody else changes it or reads its history.
	 * Asked of the provision as stored, never of an id or provider in the request.
	 */
	public void requireKeeper(Caller caller) {
		this.details.requireKeeper(caller);
	}

	public void update(ProvisionDetails details, List<VacancyCount> vacancies, String by, Instant at) {
		requireNotClosed();
		this.details = details;
		record(by, at, Change.DETAILS_UPDATED, null, null, null, null);
		setVacancies(vacancies, by, at);
	}

	private void setVacancies(List<VacancyCount> vacancies, String by, Instant at) {
		List<BedType> seen = new ArrayList<>();
		for (int i = 0; i < vacancies.size(); i++) {
			VacancyCount count = vacancies.get(i);
			if (seen.contains(count.bedType())) {
				throw new InvalidValue("vacancies[" + i + "].bedType", "duplicate-bed-type", count.bedType());
			}
			seen.add(count.bedType());
			setVacancy(count.bedType(), count.total(), count.available(), by, at);
		}
	}

	/** A person at the provider states the counts, which also confirms them. */
	public void setVacancy(BedType bedType, int total, int available, String by, Instant at) {
		requireNotClosed();
		Vacancy.check(total, available);
		Vacancy before = this.vacancies.get(bedType);
		Vacancy after = new Vacancy(bedType, total, available, at, at);
		this.vacancies.put(bedType, after);
		record(by, at, Change.VACANCY_SET, bedType, Counts.of(before), Counts.of(after), null);
	}

	/**
	 * "Still accurate": confirms one bed type's counts, or all of them when
	 * {@code bedType} is null, without changing them.
	 */
	public void confirm(BedType bedType, String by, Instant at) {
		requireNotClosed();
		List<BedType> types = (bedType != null) ? List.of(bedType) : List.copyOf(this.vacancies.keySet());
		if (types.isEmpty() || !this.vacancies.containsKey(types.get(0))) {
			throw new InvalidValue("bedType", "no-vacancy-of-type", (bedType != null) ? bedType : "");
		}
		for (BedType type : types) {
			Vacancy before = this.vacancies.get(type);
			Vacancy after = new Vacancy(type, before.total(), before.available(), at, at);
			this.vacancies.put(type, after);
			record(by, at, Change.VACANCY_CONFIRMED, type, Counts.of(before), Counts.of(after), null);
		}
	}

	/** A child arrived: one bed fewer, never below 0. */
	public void placementStarted(BedType bedType, String by, Instant at) {
		adjust(bedType, -1, Change.PLACEMENT_STARTED, by, at);
	}

	/** A child left: one bed more, never above the total. */
	public void placementEnded(BedType bedType, String by, Instant at) {
		adjust(bedType, +1, Change.PLACEMENT_ENDED, by, at);
	}

	private void adjust(BedType bedType, int delta, Change change, String by, Instant at) {
		Vacancy before = this.vacancies.get(bedType);
		int total = (before != null) ? before.total() : 0;
		int wanted = ((before != null) ? before.available() : 0) + delta;
		int available = Math.max(0, Math.min(total, wanted));
		Vacancy after = null;
		if (before != null) {
			// counts moved by a placement are not a person's confirmation
			after = new Vacancy(bedType, total, available, before.confirmedAt(), at);
			this.vacancies.put(bedType, after);
		}
		// the provider's counts and the matcher's placements disagree: keep the counts
		// sane and leave a trace for whoever reconciles them
		String reason = (available != wanted) ? "clamped" : null;
		record(by, at, change, bedType, Counts.of(before), Counts.of(after), reason);
	}

	/**
	 * An admin's approval of a provider's request: from here on it is published and
	 * searchable. Approving an approved provision changes nothing; a closed one cannot
	 * be.
	 */
	public void approve(String by, Instant at) {
		requireNotClosed();
		if (this.status == ProvisionStatus.PENDING_APPROVAL) {
			changeStatus(ProvisionStatus.OPEN, null, Change.APPROVED, by, at);
		}
	}

	/** Whether the matcher may know of it: everything an admin has approved. */
	public boolean isPublished() {
		return this.status != ProvisionStatus.PENDING_APPROVAL;
	}

	public void pause(String reason, String by, Instant at) {
		if (this.status != ProvisionStatus.OPEN) {
			throw new ProvisionConflict("not-open", this.status);
		}
		changeStatus(ProvisionStatus.PAUSED, requireReason(reason), Change.PAUSED, by, at);
	}

	public void reopen(String reason, String by, Instant at) {
		if (this.status != ProvisionStatus.PAUSED) {
			throw new ProvisionConflict("not-paused", this.status);
		}
		changeStatus(ProvisionStatus.OPEN, optionalReason(reason), Change.REOPENED, by, at);
	}

	/** Final: a closed provision takes no further changes from providers. */
	public void close(String reason, String by, Instant at) {
		requireNotClosed();
		changeStatus(ProvisionStatus.CLOSED, requireReason(reason), Change.CLOSED, by, at);
	}

	private void changeStatus(ProvisionStatus next, String reason, Change change, String by, Instant at) {
		StatusOf before = new StatusOf(this.status, this.statusReason);
		this.status = next;
		this.statusReason = (next == ProvisionStatus.OPEN) ? null : reason;
		record(by, at, change, null, before, new StatusOf(this.status, this.statusReason), reason);
	}

	private static String requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidValue("reason", "required");
		}
		return optionalReason(reason);
	}

	private static String optionalReason(String reason) {
		if (reason != null && reason.length() > LONGEST_REASON) {
			throw new InvalidValue("reason", "too-long", LONGEST_REASON);
		}
		return (reason != null && !reason.isBlank()) ? reason.strip() : null;
	}

	private void requireNotClosed() {
		if (this.status == ProvisionStatus.CLOSED) {
			throw new ProvisionConflict("closed", this.status);
		}
	}

	private void record(String by, Instant at, Change change, BedType bedType, Object before, Object after,
			String reason) {
		this.version = this.loadedVersion + 1;
		this.updatedAt = at;
		this.changes.add(new HistoryEntry(this.version, at, by, change, bedType, before, after, reason));
	}

	public ProvisionId id() {
		return this.id;
	}

	public long version() {
		return this.version;
	}

	public boolean isNew() {
		return this.loadedVersion == 0;
	}

	public boolean isChanged() {
		return this.version != this.loadedVersion;
	}

	public ProvisionDetails details() {
		return this.details;
	}

	public ProvisionStatus status() {
		return this.status;
	}

	public String statusReason() {
		return this.statusReason;
	}

	/** In {@link BedType} order. */
	public List<Vacancy> vacancies() {
		return List.copyOf(this.vacancies.values());
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	/**
	 * The vacancies the changes since the provision was created or restored touched, the
	 * only ones that need writing back.
	 */
	public List<Vacancy> changedVacancies() {
		return this.changes.stream()
			.map(HistoryEntry::bedType)
			.filter(Objects::nonNull)
			.distinct()
			.map(this.vacancies::get)
			.filter(Objects::nonNull)
			.toList();
	}

	/** The changes since the provision was created or restored, in order. */
	public List<HistoryEntry> changes() {
		return Collections.unmodifiableList(this.changes);
	}

	/** Counts as a provider states them. */
	public record VacancyCount(BedType bedType, int total, int available) {

		public VacancyCount {
			Vacancy.check(total, available);
		}

	}

}
