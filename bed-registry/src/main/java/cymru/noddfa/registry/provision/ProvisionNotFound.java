package cymru.noddfa.registry.provision;

public class ProvisionNotFound extends RuntimeException {

	private final String id;

	ProvisionNotFound(String id) {
		super("no provision " + id);
		this.id = id;
	}

	public String id() {
		return this.id;
	}

}
