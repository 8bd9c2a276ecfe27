package cymru.noddfa.matcher.search;

import java.util.List;

/**
 * Input that is well-formed JSON but not acceptable: an unknown region, need or place, a
 * missing location. {@code kind} names the problem type and message keys.
 */
public class RejectedInput extends RuntimeException {

	private final String field;

	private final String kind;

	private final List<Object> args;

	public RejectedInput(String field, String kind, Object... args) {
		super(kind + " in " + field);
		this.field = field;
		this.kind = kind;
		this.args = List.of(args);
	}

	public String field() {
		return this.field;
	}

	public String kind() {
		return this.kind;
	}

	public Object[] args() {
		return this.args.toArray();
	}

}
