package cymru.noddfa.notifications.alert;

import java.util.UUID;

public class AlertNotFound extends RuntimeException {

	public AlertNotFound(UUID id) {
		super("No alert " + id);
	}

}
