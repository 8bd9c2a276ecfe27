package cymru.noddfa.matcher.availability;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The availability read model in process, folded from the same provision states and
 * ledger rows as the bed ledger: per bed type a {@link Shelf} of compact arrays and a
 * grid of cells, walked outward from the child ring by ring, nearest first. Needs and
 * exclusions are bitmasks over the codes seen so far (the vocabulary is closed and
 * small). Writes are version- and revision-guarded like the Redis scripts, so replay and
 * redelivery change nothing.
 */
public final class AvailabilityIndex {

	/** Codes beyond this many have no bit: no provision can then be matched on them. */
	static final int MAX_CODES = 63;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final Map<BedType, Shelf> shelves = new EnumMap<>(BedType.class);

	private final Map<String, ProvisionState> states = new HashMap<>();

	/** Per provision and bed type: available, spoken for, revision. */
	private final Map<String, long[]> figures = new HashMap<>();

	private final Map<String, Integer> bits = new HashMap<>();

	private volatile boolean built;

	public AvailabilityIndex() {
		for (BedType type : BedType.values()) {
			this.shelves.put(type, new Shelf());
		}
	}

	/** A provision in the pool of a search: open, with a bed of the type free. */
	public record Nearby(ProvisionState state, int free, double distanceKm, long needsMet, long exclusions) {
	}

	/** Sees pool members nearest first; answers false once it has seen enough. */
	@FunctionalInterface
	public interface Visitor {

		boolean visit(Nearby nearby);

	}

	/** True once the first replay of the topic has been folded in. */
	public boolean isBuilt() {
		return this.built;
	}

	public void markBuilt() {
		this.built = true;
	}

	public void put(ProvisionState state) {
		write(() -> {
			ProvisionState current = this.states.get(state.provisionId());
			if (current != null && current.version() >= state.version()) {
				return;
			}
			this.states.put(state.provisionId(), state);
			long needs = mask(state.needsMet(), true) & Long.MAX_VALUE;
			long exclusions = mask(state.exclusions(), true) & Long.MAX_VALUE;
			for (BedType type : BedType.values()) {
				var vacancy = state.vacancy(type);
				Shelf shelf = this.shelves.get(type);
				shelf.remove(state.provisionId());
				if (vacancy.isPresent() && state.isOpen() && state.location() != null) {
					shelf.add(state, vacancy.get().available(), needs, exclusions);
				}
			}
			refresh(state.provisionId());
		});
	}

	public void remove(String provisionId) {
		write(() -> {
			this.states.remove(provisionId);
			this.shelves.values().forEach((shelf) -> shelf.remove(provisionId));
			this.figures.keySet().removeIf((key) -> key.startsWith(provisionId + "|"));
		});
	}

	/** What the ledger says is available and spoken for; older revisions are ignored. */
	public void ledger(Iterable<LedgerRow> rows) {
		write(() -> {
			for (LedgerRow row : rows) {
				String key = row.provisionId() + "|" + row.bedType().name();
				long[] held = this.figures.get(key);
				if (held != null && held[2] >= row.revision()) {
					continue;
				}
				this.figures.put(key, new long[] { row.available(), row.held() + row.placed(), row.revision() });
				refresh(row.provisionId());
			}
		});
	}

	/** The bits of these codes; a code without one sets the sign bit. */
	public long mask(List<String> codes) {
		return mask(codes, false);
	}

	/** The bit of one code, or -1 when no provision has ever named it. */
	public int bit(String code) {
		Integer bit = this.bits.get(code);
		return (bit != null) ? bit : -1;
	}

	/**
	 * Walks the bed type's pool nearest first within {@code radiusKm}, only provisions of
	 * {@code region} ({@code inRegion}) or only of other regions, handing at most
	 * {@code maxVisits} to the visitor.
	 */
	public void nearestFirst(BedType bedType, double lat, double lon, double radiusKm, String region, boolean inRegion,
			int maxVisits, Visitor visitor) {
		this.lock.readLock().lock();
		try {
			this.shelves.get(bedType).walk(lat, lon, radiusKm, region, inRegion, maxVisits, visitor);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** One provision as a search would see it, whatever its distance. */
	public java.util.Optional<Nearby> find(String provisionId, BedType bedType, double lat, double lon) {
		this.lock.readLock().lock();
		try {
			ProvisionState state = this.states.get(provisionId);
			if (state == null) {
				return java.util.Optional.empty();
			}
			int free = free(provisionId, bedType,
					state.vacancy(bedType).map(ProvisionState.Vacancy::available).orElse(0));
			return java.util.Optional.of(new Nearby(state, free,
					Geo.distanceKm(lat, lon, state.location().lat(), state.location().lon()),
					mask(state.needsMet(), false) & Long.MAX_VALUE, mask(state.exclusions(), false) & Long.MAX_VALUE));
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	public int size() {
		this.lock.readLock().lock();
		try {
			return this.states.size();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	private void refresh(String provisionId) {
		for (BedType type : BedType.values()) {
			Shelf shelf = this.shelves.get(type);
			int slot = shelf.slotOf(provisionId);
			if (slot >= 0) {
				shelf.free[slot] = free(provisionId, type, shelf.stated[slot]);
			}
		}
	}

	private int free(String provisionId, BedType type, int statedAvailable) {
		long[] f = this.figures.get(provisionId + "|" + type.name());
		return (f == null) ? Math.max(0, statedAvailable) : (int) Math.max(0, f[0] - f[1]);
	}

	private long mask(List<String> codes, boolean assign) {
		long mask = 0;
		for (String code : codes) {
			Integer bit = this.bits.get(code);
			if (bit == null && assign && this.bits.size() < MAX_CODES) {
				bit = this.bits.size();
				this.bits.put(code, bit);
			}
			mask |= (bit != null) ? (1L << bit) : Long.MIN_VALUE;
		}
		return mask;
	}

	private void write(Runnable change) {
		this.lock.writeLock().lock();
		try {
			change.run();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

}
