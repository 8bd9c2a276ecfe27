package cymru.noddfa.matcher.referral;

import java.util.List;
import java.util.regex.Pattern;

/** A code of the closed needs vocabulary ({@code MH_CRISIS}), never a free-text need. */
record NeedCode(String code) {

	private static final Pattern SHAPE = Pattern.compile("[A-Z_]+");

	NeedCode {
		if (code == null || !SHAPE.matcher(code).matches()) {
			throw new IllegalArgumentException("Not a need code: " + code);
		}
	}

	static List<NeedCode> all(List<String> codes) {
		return codes.stream().map(NeedCode::new).toList();
	}

	static List<String> codes(List<NeedCode> needs) {
		return needs.stream().map(NeedCode::code).toList();
	}

	@Override
	public String toString() {
		return this.code;
	}

}
