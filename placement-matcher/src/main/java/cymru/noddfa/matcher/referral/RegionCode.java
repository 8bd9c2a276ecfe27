package cymru.noddfa.matcher.referral;

import java.util.regex.Pattern;

/**
 * A regional partnership board's code ({@code CTM}, {@code POW}): the shape the event
 * contract allows. Whether the region is known is the reference data's question, asked
 * once where a request comes in.
 */
record RegionCode(String code) {

	private static final Pattern SHAPE = Pattern.compile("[A-Z]{2,5}");

	RegionCode {
		if (code == null || !SHAPE.matcher(code).matches()) {
			throw new IllegalArgumentException("Not a region code: " + code);
		}
	}

	@Override
	public String toString() {
		return this.code;
	}

}
