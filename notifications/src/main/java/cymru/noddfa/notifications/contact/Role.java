package cymru.noddfa.notifications.contact;

public enum Role {

	/** A crisis team's on-call clinicians, in rota order. */
	CRISIS_TEAM,
	/** A provision's duty contacts, who answer hold requests and confirm vacancies. */
	PROVIDER,
	/** The region's complex-needs panel. */
	PANEL,
	/** Told last, when nobody on the rota has acknowledged an alert. */
	TEAM_LEAD

}
