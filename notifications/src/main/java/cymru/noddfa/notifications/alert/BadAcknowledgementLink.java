package cymru.noddfa.notifications.alert;

/** A link whose signature does not match the alert and contact it names. */
public class BadAcknowledgementLink extends RuntimeException {

	public BadAcknowledgementLink() {
		super("acknowledgement link signature does not match");
	}

}
