package cymru.noddfa.matcher.availability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The provisions of one bed type that are open and offer it, in arrays by slot, and the
 * grid cells that hold each slot.
 */
final class Shelf {

	private final Map<String, Integer> slots = new HashMap<>();

	private final List<Integer> vacant = new ArrayList<>();

	private final Map<Long, Set<Integer>> cells = new HashMap<>();

	private ProvisionState[] states = new ProvisionState[64];

	private double[] lat = new double[64];

	private double[] lon = new double[64];

	private long[] needs = new long[64];

	private long[] exclusions = new long[64];

	int[] stated = new int[64];

	int[] free = new int[64];

	int slotOf(String provisionId) {
		Integer slot = this.slots.get(provisionId);
		return (slot != null) ? slot : -1;
	}

	void add(ProvisionState state, int available, long needs, long exclusions) {
		int slot = this.vacant.isEmpty() ? this.slots.size() : this.vacant.remove(this.vacant.size() - 1);
		if (slot >= this.states.length) {
			grow();
		}
		this.slots.put(state.provisionId(), slot);
		this.states[slot] = state;
		this.lat[slot] = state.location().lat();
		this.lon[slot] = state.location().lon();
		this.needs[slot] = needs;
		this.exclusions[slot] = exclusions;
		this.stated[slot] = available;
		this.free[slot] = Math.max(0, available);
		this.cells.computeIfAbsent(Grid.cell(this.lat[slot], this.lon[slot]), (c) -> new HashSet<>()).add(slot);
	}

	void remove(String provisionId) {
		Integer slot = this.slots.remove(provisionId);
		if (slot == null) {
			return;
		}
		long cell = Grid.cell(this.lat[slot], this.lon[slot]);
		Set<Integer> members = this.cells.get(cell);
		members.remove(slot);
		if (members.isEmpty()) {
			this.cells.remove(cell);
		}
		this.states[slot] = null;
		this.vacant.add(slot);
	}

	void walk(double lat, double lon, double radiusKm, String region, boolean inRegion, int maxVisits,
			AvailabilityIndex.Visitor visitor) {
		Grid.Walk walk = new Grid.Walk(lat, lon, radiusKm);
		List<Grid.Hit> pending = new ArrayList<>();
		int visits = 0;
		for (int ring = 0; ring <= walk.rings(); ring++) {
			for (long cell : walk.ring(ring)) {
				Set<Integer> members = this.cells.get(cell);
				if (members == null) {
					continue;
				}
				for (int slot : members) {
					if (this.free[slot] <= 0 || inRegion != region.equals(this.states[slot].regionCode())) {
						continue;
					}
					double km = Geo.distanceKm(lat, lon, this.lat[slot], this.lon[slot]);
					if (km <= radiusKm) {
						pending.add(new Grid.Hit(slot, km, this.states[slot].provisionId()));
					}
				}
			}
			double bound = (ring < walk.rings()) ? walk.lowerBoundKm(ring + 1) : Double.POSITIVE_INFINITY;
			pending.sort(Grid.Hit.ORDER);
			int taken = 0;
			while (taken < pending.size() && pending.get(taken).km() < bound) {
				Grid.Hit hit = pending.get(taken++);
				int s = hit.slot();
				if (++visits > maxVisits || !visitor.visit(new AvailabilityIndex.Nearby(this.states[s], this.free[s],
						hit.km(), this.needs[s], this.exclusions[s]))) {
					return;
				}
			}
			pending.subList(0, taken).clear();
		}
	}

	private void grow() {
		int size = this.states.length * 2;
		this.states = java.util.Arrays.copyOf(this.states, size);
		this.lat = java.util.Arrays.copyOf(this.lat, size);
		this.lon = java.util.Arrays.copyOf(this.lon, size);
		this.needs = java.util.Arrays.copyOf(this.needs, size);
		this.exclusions = java.util.Arrays.copyOf(this.exclusions, size);
		this.stated = java.util.Arrays.copyOf(this.stated, size);
		this.free = java.util.Arrays.copyOf(this.free, size);
	}

}
