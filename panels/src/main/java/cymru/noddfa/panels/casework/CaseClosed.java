package cymru.noddfa.panels.casework;

/** A decision asked of a closed case: a 409 problem. */
public class CaseClosed extends RuntimeException {

	public CaseClosed(CaseId id) {
		super("Case " + id + " is closed");
	}

}
