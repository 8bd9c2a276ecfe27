package cymru.noddfa.matcher.availability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool of one bed type: the provisions that are open and say they have a bed of it
 * available, in arrays by slot, and the grid cells that hold each slot. Not thread-safe:
 * {@link ProvisionIndex} guards it.
 */
final class Shelf {

	/**
	 * Far more than the rounding of a chord squared (a few 1e-16 of a unit radius) and
	 * far less than any distance an answer tells apart (a fifth of a metre at 100 m).
	 */
	private static final double CHORD_SLACK = 1e-12;

	/** Numbers a slot takes in {@link #points}, and the region's place among them. */
	private static final int POINT = 4;

	private static final int REGION = 3;

	/** Numbers a slot takes in {@link #facts}. */
	private static final int FACTS = 4;

	private final Map<String, Integer> slots = new HashMap<>();

	private final List<Integer> vacant = new ArrayList<>();

	private final Map<Long, int[]> cells = new HashMap<>();

	/** A number for each region code, so a walk tells regions apart without a string. */
	private final Map<String, Integer> regions = new HashMap<>();

	private ProvisionState[] states = new ProvisionState[64];

	private double[] lat = new double[64];

	private double[] lon = new double[64];

	private double[] cosLat = new double[64];

	/**
	 * By slot, side by side, what a walk reads of every member in the cells it visits:
	 * its point on the unit sphere (x, y, z) and its region's number. One trip to memory
	 * per member instead of four, which is what a walk's time goes on when the caches
	 * hold other processes' data.
	 */
	private double[] points = new double[64 * POINT];

	/**
	 * By slot, side by side, what a member carries into a search beside its state: the
	 * needs, exclusions, ages and flags of {@link ProvisionIndex.Member}.
	 */
	private long[] facts = new long[64 * FACTS];

	void add(ProvisionState state, long needs, long exclusions) {
		int slot = this.vacant.isEmpty() ? this.slots.size() : this.vacant.remove(this.vacant.size() - 1);
		if (slot >= this.states.length) {
			grow();
		}
		this.slots.put(state.provisionId(), slot);
		this.states[slot] = state;
		this.lat[slot] = state.location().lat();
		this.lon[slot] = state.location().lon();
		this.cosLat[slot] = Geo.cosOfLatitude(this.lat[slot]);
		double[] xyz = new double[3];
		Geo.unitVector(this.lat[slot], this.lon[slot], xyz);
		int point = slot * POINT;
		this.points[point] = xyz[0];
		this.points[point + 1] = xyz[1];
		this.points[point + 2] = xyz[2];
		this.points[point + REGION] = this.regions.computeIfAbsent(state.regionCode(), (code) -> this.regions.size());
		int fact = slot * FACTS;
		this.facts[fact] = needs;
		this.facts[fact + 1] = exclusions;
		this.facts[fact + 2] = ProvisionIndex.Member.ages(state);
		this.facts[fact + 3] = ProvisionIndex.Member.flags(state);
		long cell = Grid.cell(this.lat[slot], this.lon[slot]);
		int[] members = this.cells.get(cell);
		int[] grown = (members == null) ? new int[1] : Arrays.copyOf(members, members.length + 1);
		grown[grown.length - 1] = slot;
		this.cells.put(cell, grown);
	}

	void remove(String provisionId) {
		Integer slot = this.slots.remove(provisionId);
		if (slot == null) {
			return;
		}
		long cell = Grid.cell(this.lat[slot], this.lon[slot]);
		int[] members = this.cells.get(cell);
		if (members.length == 1) {
			this.cells.remove(cell);
		}
		else {
			int[] shrunk = new int[members.length - 1];
			int n = 0;
			for (int member : members) {
				if (member != slot) {
					shrunk[n++] = member;
				}
			}
			this.cells.put(cell, shrunk);
		}
		this.states[slot] = null;
		this.vacant.add(slot);
	}

	int size() {
		return this.slots.size();
	}

	/**
	 * Hands the visitor the pool's members within the radius, of the region or of every
	 * other region, nearest first (ties by provision id), after the first {@code skip};
	 * stops when the visitor answers false.
	 * @return whether the walk ran out of members rather than being stopped
	 */
	boolean walk(double lat, double lon, double radiusKm, String region, boolean inRegion, int skip,
			ProvisionIndex.Visitor visitor) {
		Grid.Walk rings = new Grid.Walk(lat, lon, radiusKm);
		Walker walker = new Walker(lat, lon, radiusKm, skip, visitor);
		int childsRegion = this.regions.getOrDefault(region, -1);
		for (int ring = 0; ring <= rings.rings(); ring++) {
			for (long cell : rings.ring(ring)) {
				int[] members = this.cells.get(cell);
				if (members == null) {
					continue;
				}
				for (int slot : members) {
					if (inRegion == (this.points[slot * POINT + REGION] == childsRegion)) {
						walker.queue(slot);
					}
				}
			}
			double bound = (ring < rings.rings()) ? Geo.chordSquared(rings.lowerBoundKm(ring + 1))
					: Double.POSITIVE_INFINITY;
			if (!walker.handOutNearerThan(bound)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * One walk's members in waiting, by the chord squared from the child: three products
	 * where a great-circle distance takes a trigonometric call, and in the same order.
	 * The distance is worked out only where the chord cannot settle a question: a member
	 * at the radius's edge, and members whose chords are too close to tell apart (where
	 * the distance, then the provision id, orders them, as every engine orders them).
	 */
	private final class Walker {

		private final ChordQueue pending = new ChordQueue();

		private final double[] child = new double[3];

		private final double lat;

		private final double lon;

		private final double cosLat;

		private final double radiusKm;

		/** Chords up to this may be within the radius. */
		private final double reach;

		/** Chords below this are within the radius. */
		private final double inside;

		private final int skip;

		private final ProvisionIndex.Visitor visitor;

		private int seen;

		Walker(double lat, double lon, double radiusKm, int skip, ProvisionIndex.Visitor visitor) {
			Geo.unitVector(lat, lon, this.child);
			this.lat = lat;
			this.lon = lon;
			this.cosLat = Geo.cosOfLatitude(lat);
			this.radiusKm = radiusKm;
			double radiusChord = Geo.chordSquared(radiusKm);
			this.reach = radiusChord + CHORD_SLACK;
			this.inside = radiusChord - CHORD_SLACK;
			this.skip = skip;
			this.visitor = visitor;
		}

		void queue(int slot) {
			double chord = chord(slot);
			if (chord <= this.reach) {
				this.pending.add(chord, slot);
			}
		}

		/**
		 * Hands out, nearest first, the members nearer than {@code boundChord} (no member
		 * not yet queued is nearer).
		 * @return false when the visitor has seen enough
		 */
		boolean handOutNearerThan(double boundChord) {
			double bound = boundChord - CHORD_SLACK;
			while (!this.pending.isEmpty() && this.pending.nearestChord() < bound) {
				int[] slots = new int[1];
				int n = 0;
				double last = this.pending.nearestChord();
				while (!this.pending.isEmpty() && this.pending.nearestChord() <= last + CHORD_SLACK) {
					last = this.pending.nearestChord();
					if (n == slots.length) {
						slots = Arrays.copyOf(slots, 2 * n);
					}
					slots[n++] = this.pending.poll();
				}
				if (last >= bound) {
					// too close to the next ring's bound to tell: they wait for its
					// members
					for (int i = 0; i < n; i++) {
						this.pending.add(chord(slots[i]), slots[i]);
					}
					return true;
				}
				if (!handOut((n == 1 && last < this.inside) ? slots : nearestWithinRadius(slots, n))) {
					return false;
				}
			}
			return true;
		}

		private boolean handOut(int[] slots) {
			for (int slot : slots) {
				if (this.seen++ < this.skip) {
					continue;
				}
				long[] facts = Shelf.this.facts;
				int fact = slot * FACTS;
				if (!this.visitor.visit(new ProvisionIndex.Member(Shelf.this.states[slot], facts[fact], facts[fact + 1],
						facts[fact + 2], facts[fact + 3]))) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Members the chord cannot settle, by distance then id, those beyond left out.
		 */
		private int[] nearestWithinRadius(int[] slots, int n) {
			List<Grid.Hit> hits = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				int slot = slots[i];
				double km = Geo.distanceKm(this.lat, this.lon, this.cosLat, Shelf.this.lat[slot], Shelf.this.lon[slot],
						Shelf.this.cosLat[slot]);
				if (km <= this.radiusKm) {
					hits.add(new Grid.Hit(slot, km, Shelf.this.states[slot].provisionId()));
				}
			}
			hits.sort(Grid.Hit.ORDER);
			return hits.stream().mapToInt(Grid.Hit::slot).toArray();
		}

		private double chord(int slot) {
			double[] points = Shelf.this.points;
			int point = slot * POINT;
			return Geo.chordSquared(this.child[0], this.child[1], this.child[2], points[point], points[point + 1],
					points[point + 2]);
		}

	}

	private void grow() {
		int size = this.states.length * 2;
		this.states = Arrays.copyOf(this.states, size);
		this.lat = Arrays.copyOf(this.lat, size);
		this.lon = Arrays.copyOf(this.lon, size);
		this.cosLat = Arrays.copyOf(this.cosLat, size);
		this.points = Arrays.copyOf(this.points, size * POINT);
		this.facts = Arrays.copyOf(this.facts, size * FACTS);
	}

}
