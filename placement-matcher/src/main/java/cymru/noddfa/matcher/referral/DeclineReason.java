package cymru.noddfa.matcher.referral;

/** Why a provider declined a hold: codes only, never free text. */
public enum DeclineReason {

	NO_STAFF, NEEDS_NOT_MET, RISK_TOO_HIGH, BED_NO_LONGER_FREE, OTHER

}
