package cymru.noddfa.panels.casework;

/**
 * A decision that breaks a rule of its kind: a 400 problem naming the field, and nothing
 * is written.
 *
 * @see #field()
 */
public class InvalidDecision extends RuntimeException {

	private final String field;

	private final String reason;

	/**
	 * @param field the request field at fault
	 * @param reason the message key stem under {@code decision.invalid.}
	 */
	public InvalidDecision(String field, String reason) {
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
