package cymru.noddfa.registry.provision;

public class ProvisionExists extends RuntimeException {

	private final String id;

	ProvisionExists(String id) {
		super("provision " + id + " exists");
		this.id = id;
	}

	public String id() {
		return this.id;
	}

}
