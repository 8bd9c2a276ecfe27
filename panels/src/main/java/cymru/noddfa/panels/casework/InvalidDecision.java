package cymru.noddfa.panels.casework;

import cymru.noddfa.kit.FieldProblem;

/**
 * A decision that breaks a rule of its kind: a 400 problem naming the field, and nothing
 * is written.
 */
public class InvalidDecision extends FieldProblem {

	/**
	 * @param field the request field at fault
	 * @param reason the message key stem under {@code decision.invalid.}
	 */
	public InvalidDecision(String field, String reason) {
		super(field, reason);
	}

}
