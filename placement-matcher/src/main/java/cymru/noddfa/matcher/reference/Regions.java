package cymru.noddfa.matcher.reference;

import java.util.Set;

/** The region codes of the loaded region data set. */
public record Regions(Set<String> codes) {

	public boolean isKnown(String code) {
		return code != null && this.codes.contains(code);
	}

}
