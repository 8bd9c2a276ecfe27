package cymru.noddfa.notifications.subscription;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A standing request to be told about referral events, optionally only those of one
 * region and of some types.
 *
 * @param regionCode {@code null} for every region
 * @param provisionId {@code null} for every provision; a provider's system names its own
 * @param eventTypes empty for every type
 * @param secret the key receivers verify signatures with
 */
public record Subscription(UUID id, String regionCode, String provisionId, Set<EventType> eventTypes, Channel channel,
		String url, String secret, Instant createdAt) {

	public Subscription {
		eventTypes = Set.copyOf(eventTypes);
	}

	public static Subscription create(String regionCode, String provisionId, Set<EventType> eventTypes, Channel channel,
			String url, String secret, Instant now) {
		return new Subscription(UUID.randomUUID(), regionCode, provisionId, eventTypes, channel, url, secret, now);
	}

	public boolean wants(EventType type, String region, String provision) {
		return (this.eventTypes.isEmpty() || this.eventTypes.contains(type))
				&& (this.regionCode == null || this.regionCode.equals(region))
				&& (this.provisionId == null || this.provisionId.equals(provision));
	}

}
