package cymru.noddfa.matcher.search;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Excluded provisions counted by reason (and by need for need reasons). */
final class Tally {

	private final Map<ExclusionReason, Map<String, Integer>> counts = new EnumMap<>(ExclusionReason.class);

	void add(Matching.Excluded excluded) {
		this.counts.computeIfAbsent(excluded.reason(), (r) -> new LinkedHashMap<>())
			.merge(String.valueOf(excluded.need()), 1, Integer::sum);
	}

	List<Exclusion> exclusions() {
		List<Exclusion> exclusions = new ArrayList<>();
		this.counts.forEach((reason, byNeed) -> byNeed
			.forEach((need, count) -> exclusions.add(new Exclusion(reason, "null".equals(need) ? null : need, count))));
		return List.copyOf(exclusions);
	}

}
