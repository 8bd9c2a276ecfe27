package cymru.noddfa.notifications.subscription;

import java.util.UUID;

public class SubscriptionNotFound extends RuntimeException {

	public SubscriptionNotFound(UUID id) {
		super("No subscription " + id);
	}

}
