package cymru.noddfa.matcher.reference;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The closed needs vocabulary, with the English and Welsh label of each code. */
public final class Needs {

	public record Need(String code, String label, String labelCy) {
	}

	private final Map<String, Need> needs = new LinkedHashMap<>();

	public Needs(Iterable<Need> needs) {
		needs.forEach((need) -> this.needs.put(need.code(), need));
	}

	public boolean isKnown(String code) {
		return this.needs.containsKey(code);
	}

	public String label(String code, Locale locale) {
		Need need = this.needs.get(code);
		if (need == null) {
			return code;
		}
		return "cy".equals(locale.getLanguage()) ? need.labelCy() : need.label();
	}

}
