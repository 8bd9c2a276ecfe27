package cymru.noddfa.panels.outcome;

/** A period that cannot be reported on: a 400 problem naming the field. */
public class InvalidPeriod extends RuntimeException {

	private final String field;

	private final String reason;

	InvalidPeriod(String field, String reason) {
		super(field + ": " + reason);
		this.field = field;
		this.reason = reason;
	}

	public String field() {
		return this.field;
	}

	public String reason() {
		return this.reason;
	}

}
