package cymru.noddfa.matcher.availability;

public class ProvisionNotFound extends RuntimeException {

	private final String provisionId;

	public ProvisionNotFound(String provisionId) {
		super("No provision " + provisionId + " in the read model");
		this.provisionId = provisionId;
	}

	public String provisionId() {
		return this.provisionId;
	}

}
