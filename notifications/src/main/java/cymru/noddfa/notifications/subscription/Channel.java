package cymru.noddfa.notifications.subscription;

/** How a subscription is told. */
public enum Channel {

	WEBHOOK

}
