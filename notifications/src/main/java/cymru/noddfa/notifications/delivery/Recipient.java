package cymru.noddfa.notifications.delivery;

import java.util.UUID;

/**
 * Who a delivery is for and where it goes.
 *
 * @param key stable name of the recipient, part of the deduplication key
 * @param subscriptionId the subscription that asked for it, if any
 * @param target where the message goes (a URL for webhooks)
 */
public record Recipient(String key, String channel, UUID subscriptionId, String target) {

	public static Recipient webhook(UUID subscriptionId, String url) {
		return new Recipient("subscription:" + subscriptionId, "WEBHOOK", subscriptionId, url);
	}

}
