package cymru.noddfa.gateway.problem;

/**
 * A request that parsed but carries a value the gateway cannot accept; answered as a 400
 * problem naming the field.
 */
public class InvalidFieldException extends RuntimeException {

	private final String field;

	public InvalidFieldException(String field) {
		super("Invalid value for " + field);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
