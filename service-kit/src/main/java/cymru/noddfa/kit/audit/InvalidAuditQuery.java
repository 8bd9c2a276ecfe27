package cymru.noddfa.kit.audit;

import cymru.noddfa.kit.FieldProblem;

/** An audit query parameter out of range: a 400 naming the field. */
public class InvalidAuditQuery extends FieldProblem {

	public InvalidAuditQuery(String field) {
		super(field, "out-of-range");
	}

}
