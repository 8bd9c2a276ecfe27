package cymru.noddfa.matcher.availability;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Every provision's latest state in process, for searches: per bed type a {@link Shelf}
 * of the provisions open with a bed of that type available (as the provider last said),
 * on a grid of cells walked outward from the child, nearest first. Needs and exclusions
 * are bitmasks over the codes seen so far (the vocabulary is closed and small).
 * <p>
 * It holds only what providers said. What matcher instances have held and placed is
 * shared in Redis and read for the few provisions a search would offer
 * ({@link AvailableBeds#free}). Writes are version-guarded, so replaying the topic
 * changes nothing.
 */
public final class ProvisionIndex {

	/** Codes beyond this many have no bit: no provision can then be matched on them. */
	static final int MAX_CODES = 63;

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final Map<BedType, Shelf> shelves = new EnumMap<>(BedType.class);

	private final Map<String, ProvisionState> states = new HashMap<>();

	private final Map<String, Integer> bits = new HashMap<>();

	private volatile boolean built;

	public ProvisionIndex() {
		for (BedType type : BedType.values()) {
			this.shelves.put(type, new Shelf());
		}
	}

	/**
	 * A pool member as a search meets it; its distance is the search's to work out, for
	 * the few members it judges. Beside the state it carries, packed, what a search
	 * checks of every member it meets (ages, sex, needs, exclusions, admitting at any
	 * time), so a member that fails is judged without reaching into the state: a handful
	 * of objects apart in memory that, with a busy machine's other processes running
	 * between two searches, are seldom still in the processor's caches.
	 *
	 * @param ages {@link #ages(ProvisionState)}
	 * @param flags {@link #flags(ProvisionState)}
	 */
	public record Member(ProvisionState state, long needsMet, long exclusions, long ages, long flags) {

		/** The accepts values a search tells apart, each kept as one shared instance. */
		private static final String[] ACCEPTS = { "ANY", "FEMALE", "MALE" };

		/**
		 * The flags' two low bits: the accepts value's place in {@link #ACCEPTS}, 3 for
		 * another.
		 */
		private static final long ACCEPTS_CODE = 3;

		private static final long ALWAYS = 4;

		static long ages(ProvisionState state) {
			return ((long) state.ageRange().min() << 32) | (state.ageRange().max() & 0xffffffffL);
		}

		static long flags(ProvisionState state) {
			int accepts = Arrays.asList(ACCEPTS).indexOf(state.accepts());
			return ((accepts < 0) ? ACCEPTS.length : accepts) | (state.admissions().always() ? ALWAYS : 0);
		}

		public int ageMin() {
			return (int) (this.ages >> 32);
		}

		public int ageMax() {
			return (int) this.ages;
		}

		/** The state's accepts value. */
		public String accepts() {
			int code = (int) (this.flags & ACCEPTS_CODE);
			return (code < ACCEPTS.length) ? ACCEPTS[code] : this.state.accepts();
		}

		/** Admits at any time of day: no need to read its admission windows. */
		public boolean admitsAlways() {
			return (this.flags & ALWAYS) != 0;
		}

	}

	/** Sees pool members nearest first; answers false once it has seen enough. */
	@FunctionalInterface
	public interface Visitor {

		boolean visit(Member member);

	}

	/** True once the topic as it stood at start has been read. */
	public boolean isBuilt() {
		return this.built;
	}

	void markBuilt() {
		this.built = true;
	}

	/** Applies a state unless one as new is held. */
	public void put(ProvisionState state) {
		write(() -> {
			ProvisionState current = this.states.get(state.provisionId());
			if (current != null && current.version() >= state.version()) {
				return;
			}
			this.states.put(state.provisionId(), state);
			long needs = mask(state.needsMet(), true);
			long exclusions = mask(state.exclusions(), true);
			for (BedType type : BedType.values()) {
				Shelf shelf = this.shelves.get(type);
				shelf.remove(state.provisionId());
				if (state.isOpen() && state.vacancy(type).map((vacancy) -> vacancy.available() > 0).orElse(false)) {
					shelf.add(state, needs, exclusions);
				}
			}
		});
	}

	public void remove(String provisionId) {
		write(() -> {
			this.states.remove(provisionId);
			this.shelves.values().forEach((shelf) -> shelf.remove(provisionId));
		});
	}

	/** The bits of these codes; a code without one sets the sign bit. */
	public long mask(List<String> codes) {
		this.lock.readLock().lock();
		try {
			return mask(codes, false);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * Walks the bed type's pool within {@code radiusKm}, only provisions of
	 * {@code region} ({@code inRegion}) or only of other regions, nearest first, after
	 * the first {@code skip} members.
	 * @return whether the pool ran out rather than the visitor stopping the walk
	 */
	public boolean nearestFirst(BedType bedType, double lat, double lon, double radiusKm, String region,
			boolean inRegion, int skip, Visitor visitor) {
		this.lock.readLock().lock();
		try {
			return this.shelves.get(bedType).walk(lat, lon, radiusKm, region, inRegion, skip, visitor);
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

	/** Provisions in the pool of one bed type. */
	public int poolSize(BedType bedType) {
		this.lock.readLock().lock();
		try {
			return this.shelves.get(bedType).size();
		}
		finally {
			this.lock.readLock().unlock();
		}
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
