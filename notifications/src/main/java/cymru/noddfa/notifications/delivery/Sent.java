package cymru.noddfa.notifications.delivery;

/**
 * What one attempt on any channel came to.
 *
 * @param httpStatus the receiver's HTTP status, for channels that speak HTTP
 */
record Sent(Outcome outcome, Integer httpStatus, String error) {

	static Sent delivered(Integer status) {
		return new Sent(Outcome.DELIVERED, status, null);
	}

	static Sent failed(Integer status, String error) {
		return new Sent(Outcome.FAILED, status, error);
	}

	/** Not attempted and never will be on this channel: fall through at once. */
	static Sent refused(String error) {
		return new Sent(Outcome.REFUSED, null, error);
	}

}
