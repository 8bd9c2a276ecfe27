package cymru.noddfa.panels.casework;

/**
 * The caller is a panel or crisis team, but of another region than the case's (or the
 * region asked for): a 403 problem naming the field.
 */
public class NotYourCase extends RuntimeException {

	private final String field;

	public NotYourCase(String field) {
		super("Not the caller's region: " + field);
		this.field = field;
	}

	public String field() {
		return this.field;
	}

}
