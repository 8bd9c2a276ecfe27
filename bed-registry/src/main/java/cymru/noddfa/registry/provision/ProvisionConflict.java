package cymru.noddfa.registry.provision;

/** A change the provision refuses in its current state, e.g. reopening an open one. */
public class ProvisionConflict extends RuntimeException {

	private final String reason;

	private final ProvisionStatus status;

	ProvisionConflict(String reason, ProvisionStatus status) {
		super(reason + " while " + status);
		this.reason = reason;
		this.status = status;
	}

	public String reason() {
		return this.reason;
	}

	public ProvisionStatus status() {
		return this.status;
	}

}
