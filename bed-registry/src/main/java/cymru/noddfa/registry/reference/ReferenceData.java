package cymru.noddfa.registry.reference;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The closed vocabularies a provision is checked against: needs, and regions with their
 * local authorities, each with its English and (where the data has it) Welsh name. Loaded
 * from data files, so another country brings its own.
 */
public final class ReferenceData {

	private final Map<String, Need> needs;

	private final Map<String, Region> regions;

	private ReferenceData(List<Need> needs, List<Region> regions) {
		this.needs = new LinkedHashMap<>();
		needs.forEach((need) -> this.needs.put(need.code(), need));
		this.regions = new LinkedHashMap<>();
		regions.forEach((region) -> this.regions.put(region.code(), region));
	}

	/** A need of the closed vocabulary; labels are null where the data has none. */
	public record Need(String code, String label, String labelCy) {
	}

	/** A region with its local authorities, in the data's order. */
	public record Region(String code, String name, String nameCy, List<LocalAuthority> localAuthorities) {
	}

	/**
	 * A local authority by its English name (the value provisions carry) and Welsh name.
	 */
	public record LocalAuthority(String name, String nameCy) {
	}

	/**
	 * @param needs CSV with a {@code code} column, and optionally {@code label} and
	 * {@code label_cy}
	 * @param regions CSV with {@code region_code} and {@code local_authority} columns,
	 * and optionally {@code region_name}, {@code region_name_cy} and
	 * {@code local_authority_cy}
	 */
	public static ReferenceData read(Reader needs, Reader regions) {
		Map<String, Need> needsByCode = new LinkedHashMap<>();
		for (Map<String, String> row : Csv.read(needs)) {
			String code = required(row, "code");
			needsByCode.putIfAbsent(code, new Need(code, optional(row, "label"), optional(row, "label_cy")));
		}
		Map<String, Region> regionsByCode = new LinkedHashMap<>();
		Map<String, Set<LocalAuthority>> authorities = new LinkedHashMap<>();
		for (Map<String, String> row : Csv.read(regions)) {
			String code = required(row, "region_code");
			regionsByCode.putIfAbsent(code,
					new Region(code, optional(row, "region_name"), optional(row, "region_name_cy"), List.of()));
			authorities.computeIfAbsent(code, (r) -> new LinkedHashSet<>())
				.add(new LocalAuthority(required(row, "local_authority"), optional(row, "local_authority_cy")));
		}
		if (needsByCode.isEmpty() || regionsByCode.isEmpty()) {
			throw new IllegalArgumentException("Reference data needs at least one need code and one region");
		}
		List<Region> all = new ArrayList<>();
		regionsByCode.values()
			.forEach((region) -> all.add(new Region(region.code(), region.name(), region.nameCy(),
					List.copyOf(authorities.get(region.code())))));
		return new ReferenceData(List.copyOf(needsByCode.values()), all);
	}

	private static String required(Map<String, String> row, String column) {
		String value = row.get(column);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Reference row without " + column + ": " + row);
		}
		return value;
	}

	private static String optional(Map<String, String> row, String column) {
		String value = row.get(column);
		return (value == null || value.isBlank()) ? null : value;
	}

	public boolean isNeed(String code) {
		return this.needs.containsKey(code);
	}

	public boolean isRegion(String regionCode) {
		return this.regions.containsKey(regionCode);
	}

	public boolean isLocalAuthorityOf(String regionCode, String localAuthority) {
		Region region = this.regions.get(regionCode);
		return region != null
				&& region.localAuthorities().stream().anyMatch((authority) -> authority.name().equals(localAuthority));
	}

	public Set<String> needCodes() {
		return Set.copyOf(this.needs.keySet());
	}

	public Set<String> regionCodes() {
		return Set.copyOf(this.regions.keySet());
	}

	/** The needs in the data's order. */
	public List<Need> needs() {
		return List.copyOf(this.needs.values());
	}

	/** The regions in the data's order. */
	public List<Region> regions() {
		return List.copyOf(this.regions.values());
	}

}
