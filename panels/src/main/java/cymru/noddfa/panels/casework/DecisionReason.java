package cymru.noddfa.panels.casework;

/** The coded reasons a panel gives, each belonging to one kind of decision. */
public enum DecisionReason {

	NO_SUITABLE_BED_IN_REGION(DecisionType.APPROVE_OUT_OF_REGION),
	NEEDS_NOT_MET_IN_REGION(DecisionType.APPROVE_OUT_OF_REGION),
	CHILD_OR_FAMILY_PREFERENCE(DecisionType.APPROVE_OUT_OF_REGION),
	SAFEGUARDING_DISTANCE(DecisionType.APPROVE_OUT_OF_REGION),

	IN_REGION_OPTION_AVAILABLE(DecisionType.REFUSE_OUT_OF_REGION),
	NEEDS_CAN_BE_MET_IN_REGION(DecisionType.REFUSE_OUT_OF_REGION), TOO_FAR_FROM_HOME(DecisionType.REFUSE_OUT_OF_REGION),
	NOT_ENOUGH_INFORMATION(DecisionType.REFUSE_OUT_OF_REGION),

	CONTINUING_CARE_ASSESSED(DecisionType.AGREE_JOINT_FUNDING),
	JOINTLY_COMMISSIONED_PLACEMENT(DecisionType.AGREE_JOINT_FUNDING),

	ASSESSMENT_NEEDED(DecisionType.REQUEST_INFORMATION), FUNDING_DETAILS_NEEDED(DecisionType.REQUEST_INFORMATION),
	PLACEMENT_DETAILS_NEEDED(DecisionType.REQUEST_INFORMATION),

	CHILD_PLACED(DecisionType.CLOSE), REFERRAL_CANCELLED(DecisionType.CLOSE), NO_LONGER_NEEDED(DecisionType.CLOSE),
	RECORDED_IN_ERROR(DecisionType.CLOSE);

	private final DecisionType type;

	DecisionReason(DecisionType type) {
		this.type = type;
	}

	public boolean belongsTo(DecisionType decision) {
		return this.type == decision;
	}

}
