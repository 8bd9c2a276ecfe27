package cymru.noddfa.notifications.delivery;

import cymru.noddfa.notifications.contact.ContactChannel;

/**
 * The route one delivery travels: a system's webhook, or one of the ways a person is
 * reached. A subscription is always a webhook and a person is reached by a
 * {@link ContactChannel}, so the API offers each only its own; a delivery, its attempts'
 * metrics and the delivery events name the route as this.
 */
public enum Channel {

	WEBHOOK, EMAIL, SMS;

	static Channel of(ContactChannel channel) {
		return switch (channel) {
			case EMAIL -> EMAIL;
			case SMS -> SMS;
		};
	}

}
