package cymru.noddfa.registry.provision;

/**
 * A value the registry will not store. {@code reason} names the message (and the problem
 * type); {@code field} is where in the request the value was.
 */
public class InvalidValue extends RuntimeException {

	private final String field;

	private final String reason;

	private final transient Object[] args;

	public InvalidValue(String field, String reason, Object... args) {
		super(reason + " at " + field);
		this.field = field;
		this.reason = reason;
		this.args = args;
	}

	/**
	 * The same problem, one level down: {@code total} becomes {@code vacancies[0].total}.
	 */
	public InvalidValue within(String prefix) {
		return new InvalidValue(prefix + "." + this.field, this.reason, this.args);
	}

	public String field() {
		return this.field;
	}

	public String reason() {
		return this.reason;
	}

	/** Message arguments: the field first, then the reason's own. */
	public Object[] messageArgs() {
		Object[] all = new Object[this.args.length + 1];
		all[0] = this.field;
		System.arraycopy(this.args, 0, all, 1, this.args.length);
		return all;
	}

}
