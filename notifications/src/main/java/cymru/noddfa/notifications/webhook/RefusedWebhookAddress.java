package cymru.noddfa.notifications.webhook;

/**
 * A webhook URL that must not be called: wrong scheme, a host off the allow-list, or an
 * address inside our own network.
 */
public class RefusedWebhookAddress extends RuntimeException {

	private final Reason reason;

	public RefusedWebhookAddress(Reason reason, String detail) {
		super(reason + ": " + detail);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	public enum Reason {

		/** Not an absolute http(s) URL, or it carries credentials or a fragment. */
		MALFORMED,
		/** http where https is required. */
		NOT_HTTPS,
		/** The host is not on the configured allow-list. */
		HOST_NOT_ALLOWED,
		/** The host has no address we could find. */
		UNRESOLVABLE,
		/** The host resolves to a loopback, private, link-local or metadata address. */
		PRIVATE_ADDRESS

	}

}
