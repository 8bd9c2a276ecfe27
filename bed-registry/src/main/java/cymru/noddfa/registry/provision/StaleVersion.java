package cymru.noddfa.registry.provision;

/** The writer's ETag names a version that is no longer current. */
public class StaleVersion extends RuntimeException {

	private final transient ProvisionState current;

	StaleVersion(long expected, ProvisionState current) {
		super("expected version " + expected + " but " + current.provisionId() + " is at " + current.version());
		this.current = current;
	}

	public ProvisionState current() {
		return this.current;
	}

}
