package cymru.noddfa.panels.casework;

/** No case with this id: a 404 problem. */
public class CaseNotFound extends RuntimeException {

	public CaseNotFound(CaseId id) {
		super("No case " + id);
	}

}
