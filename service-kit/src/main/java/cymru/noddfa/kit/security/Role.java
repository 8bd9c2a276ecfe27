package cymru.noddfa.kit.security;

/** The roles of DESIGN §5, as the token's {@code roles} claim names them. */
public enum Role {

	/** Staff of a provider: claim {@code provider_id}. */
	PROVIDER,

	/** A CAMHS crisis team: claim {@code region}. */
	CRISIS_TEAM,

	/** A regional complex-needs panel: claim {@code region}. */
	PANEL,

	/** Keeps reference data: provisions, contacts, the read model. */
	ADMIN;

	/** The Spring Security authority for this role. */
	public String authority() {
		return "ROLE_" + name();
	}

}
