package cymru.noddfa.registry.provision;

public enum ProvisionStatus {

	/**
	 * Asked for by a provider, not yet approved by an admin: kept here, never published
	 * to the matcher, so it can attract no hold.
	 */
	PENDING_APPROVAL,

	OPEN, PAUSED, CLOSED

}
