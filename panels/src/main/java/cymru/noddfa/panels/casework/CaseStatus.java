package cymru.noddfa.panels.casework;

public enum CaseStatus {

	OPEN, CLOSED

}
