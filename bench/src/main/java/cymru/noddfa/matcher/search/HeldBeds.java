package cymru.noddfa.matcher.search;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.availability.ProvisionState;

/**
 * What Redis would answer for the beds free after every instance's holds, from memory:
 * about one provision in ten has all its beds held, the rest have what their providers
 * said. In production this is one pipelined round trip; here it costs next to nothing, so
 * the benchmark measures the engine's own work. The held provisions make searches meet
 * would-be candidates they must drop, so the walk goes on to further batches as it does
 * when crisis teams hold beds.
 */
final class HeldBeds implements IndexSearch.FreeBeds {

	private static final int[] NONE = new int[BedType.values().length];

	/** Free beds per provision, by {@link BedType#ordinal()}. */
	private final Map<String, int[]> free = new HashMap<>();

	private final int fullyHeld;

	HeldBeds(List<ProvisionState> states, long seed) {
		Random random = new Random(seed);
		int held = 0;
		for (ProvisionState state : states) {
			int[] beds = new int[BedType.values().length];
			if (random.nextInt(10) == 0) {
				held++;
			}
			else {
				for (BedType type : BedType.values()) {
					beds[type.ordinal()] = state.vacancy(type).map(ProvisionState.Vacancy::available).orElse(0);
				}
			}
			this.free.put(state.provisionId(), beds);
		}
		this.fullyHeld = held;
	}

	@Override
	public int[] free(List<String> provisionIds, BedType bedType) {
		int[] answer = new int[provisionIds.size()];
		for (int i = 0; i < answer.length; i++) {
			answer[i] = this.free.getOrDefault(provisionIds.get(i), NONE)[bedType.ordinal()];
		}
		return answer;
	}

	int fullyHeld() {
		return this.fullyHeld;
	}

}
