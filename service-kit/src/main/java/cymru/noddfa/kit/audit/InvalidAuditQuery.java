package cymru.noddfa.kit.audit;

/** An audit query parameter out of range: a 400 naming the field. */
public class InvalidAuditQuery extends RuntimeException {

	private final String field;

	public InvalidAuditQuery(String field) {
		super("Invalid audit query parameter " + field);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
