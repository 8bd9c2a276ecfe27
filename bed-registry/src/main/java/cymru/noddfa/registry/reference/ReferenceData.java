package cymru.noddfa.registry.reference;

import java.io.Reader;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The closed vocabularies a provision is checked against: need codes, and regions with
 * their local authorities. Loaded from data files, so another country brings its own.
 */
public final class ReferenceData {

	private final Set<String> needCodes;

	private final Map<String, Set<String>> authoritiesByRegion;

	public ReferenceData(Set<String> needCodes, Map<String, Set<String>> authoritiesByRegion) {
		this.needCodes = Set.copyOf(needCodes);
		this.authoritiesByRegion = Map.copyOf(authoritiesByRegion);
	}

	/**
	 * @param needs CSV with a {@code code} column
	 * @param regions CSV with {@code region_code} and {@code local_authority} columns
	 */
	public static ReferenceData read(Reader needs, Reader regions) {
		Set<String> codes = new LinkedHashSet<>();
		Csv.read(needs).forEach((row) -> codes.add(required(row, "code")));
		Map<String, Set<String>> authorities = new LinkedHashMap<>();
		Csv.read(regions)
			.forEach((row) -> authorities.computeIfAbsent(required(row, "region_code"), (r) -> new LinkedHashSet<>())
				.add(required(row, "local_authority")));
		if (codes.isEmpty() || authorities.isEmpty()) {
			throw new IllegalArgumentException("Reference data needs at least one need code and one region");
		}
		return new ReferenceData(codes, authorities);
	}

	private static String required(Map<String, String> row, String column) {
		String value = row.get(column);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Reference row without " + column + ": " + row);
		}
		return value;
	}

	public boolean isNeed(String code) {
		return this.needCodes.contains(code);
	}

	public boolean isRegion(String regionCode) {
		return this.authoritiesByRegion.containsKey(regionCode);
	}

	public boolean isLocalAuthorityOf(String regionCode, String localAuthority) {
		return this.authoritiesByRegion.getOrDefault(regionCode, Set.of()).contains(localAuthority);
	}

	public Set<String> needCodes() {
		return Collections.unmodifiableSet(this.needCodes);
	}

	public Set<String> regionCodes() {
		return this.authoritiesByRegion.keySet();
	}

}
