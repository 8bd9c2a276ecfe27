package cymru.noddfa.notifications.delivery;

import java.util.UUID;

/**
 * Who a delivery is for and where it goes.
 *
 * @param key stable name of the recipient, part of the deduplication key
 * @param subscriptionId the subscription that asked for it, if any
 * @param contactId the person it is for, if any
 * @param alertId the alert it belongs to, if any
 * @param channelIndex which of the contact's channels this is
 * @param target where the message goes (a URL, an email address, a phone number)
 */
record Recipient(String key, Channel channel, UUID subscriptionId, UUID contactId, UUID alertId, Integer channelIndex,
		String target) {

	static Recipient webhook(UUID subscriptionId, String url) {
		return new Recipient("subscription:" + subscriptionId, Channel.WEBHOOK, subscriptionId, null, null, null, url);
	}

	static Recipient contact(UUID contactId, UUID alertId, Channel channel, int channelIndex, String address) {
		return new Recipient("contact:" + contactId, channel, null, contactId, alertId, channelIndex, address);
	}

}
