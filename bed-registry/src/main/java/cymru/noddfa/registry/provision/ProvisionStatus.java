package cymru.noddfa.registry.provision;

public enum ProvisionStatus {

	OPEN, PAUSED, CLOSED

}
