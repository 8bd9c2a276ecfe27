package cymru.noddfa.identity;

/** A request field that no real user could have sent; answered as a 400 problem. */
class InvalidFieldException extends RuntimeException {

	private final String field;

	InvalidFieldException(String field) {
		super("invalid field " + field);
		this.field = field;
	}

	String field() {
		return this.field;
	}

}
