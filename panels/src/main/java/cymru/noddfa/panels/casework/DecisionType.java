package cymru.noddfa.panels.casework;

/** What a panel can decide on a case. */
public enum DecisionType {

	APPROVE_OUT_OF_REGION, REFUSE_OUT_OF_REGION, AGREE_JOINT_FUNDING, REQUEST_INFORMATION, CLOSE

}
