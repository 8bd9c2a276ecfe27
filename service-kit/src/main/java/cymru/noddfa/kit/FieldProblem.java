package cymru.noddfa.kit;

/**
 * A request refused because of one of its fields: the service's advice answers it with a
 * problem naming {@link #field()}, its wording looked up by {@link #reason()}.
 */
public abstract class FieldProblem extends RuntimeException {

	private final String field;

	private final String reason;

	/**
	 * @param field the request field at fault
	 * @param reason the stem of the message key that says what is wrong with it
	 */
	protected FieldProblem(String field, String reason) {
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
