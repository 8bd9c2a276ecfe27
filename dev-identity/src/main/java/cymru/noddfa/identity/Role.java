package cymru.noddfa.identity;

/** The roles of DESIGN §5, as they appear in a token's {@code roles} claim. */
enum Role {

	PROVIDER, CRISIS_TEAM, PANEL, ADMIN

}
