package cymru.noddfa.notifications.alert;

/** A genuine link past its time to live. */
public class ExpiredAcknowledgementLink extends RuntimeException {

	public ExpiredAcknowledgementLink() {
		super("acknowledgement link expired");
	}

}
