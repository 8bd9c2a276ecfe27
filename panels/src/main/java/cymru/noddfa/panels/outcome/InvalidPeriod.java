package cymru.noddfa.panels.outcome;

import cymru.noddfa.kit.FieldProblem;

/** A period that cannot be reported on: a 400 problem naming the field. */
public class InvalidPeriod extends FieldProblem {

	InvalidPeriod(String field, String reason) {
		super(field, reason);
	}

}
