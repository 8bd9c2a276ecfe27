package cymru.noddfa.notifications.delivery;

/** What one attempt came to. */
enum Outcome {

	DELIVERED,
	/** The receiver was unreachable or answered with an error. */
	FAILED,
	/** The address was refused (it now resolves inside our network): not called. */
	REFUSED

}
