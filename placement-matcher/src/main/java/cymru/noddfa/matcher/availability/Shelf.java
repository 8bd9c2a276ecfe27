package cymru.noddfa.matcher.availability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The pool of one bed type: the provisions that are open and say they have a bed of it
 * available, in arrays by slot, and the grid cells that hold each slot. Not thread-safe:
 * {@link ProvisionIndex} guards it.
 */
final class Shelf {

	private final Map<String, Integer> slots = new HashMap<>();

	private final List<Integer> vacant = new ArrayList<>();

	private final Map<Long, int[]> cells = new HashMap<>();

	private ProvisionState[] states = new ProvisionState[64];

	private double[] lat = new double[64];

	private double[] lon = new double[64];

	private double[] cosLat = new double[64];

	private long[] needs = new long[64];

	private long[] exclusions = new long[64];

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
		this.needs[slot] = needs;
		this.exclusions[slot] = exclusions;
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
		Grid.Walk walk = new Grid.Walk(lat, lon, radiusKm);
		// a heap, not a list sorted again after every ring: members beyond a ring's bound
		// wait here while the rings grow, and a wide walk re-sorted them dozens of times
		PriorityQueue<Grid.Hit> pending = new PriorityQueue<>(Grid.Hit.ORDER);
		double cosLat = Geo.cosOfLatitude(lat);
		int seen = 0;
		for (int ring = 0; ring <= walk.rings(); ring++) {
			for (long cell : walk.ring(ring)) {
				int[] members = this.cells.get(cell);
				if (members == null) {
					continue;
				}
				for (int slot : members) {
					if (inRegion != region.equals(this.states[slot].regionCode())) {
						continue;
					}
					double km = Geo.distanceKm(lat, lon, cosLat, this.lat[slot], this.lon[slot], this.cosLat[slot]);
					if (km <= radiusKm) {
						pending.add(new Grid.Hit(slot, km, this.states[slot].provisionId()));
					}
				}
			}
			double bound = (ring < walk.rings()) ? walk.lowerBoundKm(ring + 1) : Double.POSITIVE_INFINITY;
			while (!pending.isEmpty() && pending.peek().km() < bound) {
				Grid.Hit hit = pending.poll();
				if (seen++ < skip) {
					continue;
				}
				int s = hit.slot();
				if (!visitor
					.visit(new ProvisionIndex.Member(this.states[s], hit.km(), this.needs[s], this.exclusions[s]))) {
					return false;
				}
			}
		}
		return true;
	}

	private void grow() {
		int size = this.states.length * 2;
		this.states = Arrays.copyOf(this.states, size);
		this.lat = Arrays.copyOf(this.lat, size);
		this.lon = Arrays.copyOf(this.lon, size);
		this.cosLat = Arrays.copyOf(this.cosLat, size);
		this.needs = Arrays.copyOf(this.needs, size);
		this.exclusions = Arrays.copyOf(this.exclusions, size);
	}

}
