package cymru.noddfa.panels.casework;

/** Whom a panel asks for more information. */
public enum InformationFrom {

	LOCAL_AUTHORITY, HEALTH_BOARD, CRISIS_TEAM, PROVIDER

}
