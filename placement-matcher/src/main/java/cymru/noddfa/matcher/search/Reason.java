package cymru.noddfa.matcher.search;

import java.util.List;

/** Why a candidate fits, as a message code and its arguments. */
public record Reason(String code, List<Object> args) {

	static Reason of(String code, Object... args) {
		return new Reason(code, List.of(args));
	}

}
