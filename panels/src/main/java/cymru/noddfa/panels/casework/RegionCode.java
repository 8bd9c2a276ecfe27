package cymru.noddfa.panels.casework;

import java.util.regex.Pattern;

/**
 * A region's code, as {@code wales-regions.csv} names it ({@code POW}, {@code CAV}...):
 * valid once made.
 */
public record RegionCode(String value) {

	private static final Pattern CODE = Pattern.compile("[A-Z]{2,5}");

	public RegionCode {
		if (value == null || !CODE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a region code: " + value);
		}
	}

	public static RegionCode of(String value) {
		return new RegionCode(value);
	}

	/** {@code null} for {@code null}, for the optional referring region. */
	public static RegionCode ofNullable(String value) {
		return (value != null) ? new RegionCode(value) : null;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
