package cymru.noddfa.notifications.contact;

import java.util.UUID;

public class ContactNotFound extends RuntimeException {

	public ContactNotFound(UUID id) {
		super("No contact " + id);
	}

}
