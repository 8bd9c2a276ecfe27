package cymru.noddfa.panels.casework;

import cymru.noddfa.kit.FieldProblem;

/**
 * The caller is a panel or crisis team, but of another region than the case's (or the
 * region asked for): a 403 problem naming the field.
 */
public class NotYourCase extends FieldProblem {

	public NotYourCase(String field) {
		super(field, "not-your-region");
	}

}
