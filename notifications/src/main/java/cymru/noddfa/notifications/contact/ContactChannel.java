package cymru.noddfa.notifications.contact;

/** How a person can be reached. */
public enum ContactChannel {

	/** Email over SMTP, or through GOV.UK Notify when that is configured. */
	EMAIL,
	/** Text message through GOV.UK Notify. */
	SMS

}
