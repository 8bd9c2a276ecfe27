package cymru.noddfa.matcher.referral;

/** Where the child is now. */
public enum CurrentSetting {

	HOME, A_AND_E, POLICE, OTHER

}
