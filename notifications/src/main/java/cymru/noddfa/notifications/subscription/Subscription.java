package cymru.noddfa.notifications.subscription;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;

/**
 * A standing request to be told about referral events, optionally only those of one
 * region and of some types. Its tenant is a provider (a provider's system hears only
 * about that provider's provisions) or a region (a crisis team's or panel's system);
 * admins' subscriptions may have neither.
 *
 * @param regionCode {@code null} for every region
 * @param provisionId {@code null} for every provision; a provider's system names its own
 * @param providerId the provider whose subscription it is, {@code null} for others
 * @param eventTypes empty for every type
 * @param secret the key receivers verify signatures with: only on a new subscription (it
 * is stored sealed and never read back but to sign)
 */
public record Subscription(UUID id, String regionCode, String provisionId, String providerId, Set<EventType> eventTypes,
		Channel channel, String url, String secret, Instant createdAt) {

	public Subscription {
		eventTypes = Set.copyOf(eventTypes);
	}

	/**
	 * A subscription as the caller asks for it, in the caller's own tenant: a provider's
	 * is that provider's (and may name only its own provision), a crisis team's or
	 * panel's is its region's; only an admin may subscribe across tenants.
	 * @param provisionProvider the provider of the named provision, when known
	 * @throws AccessRefused when the subscription would be another tenant's
	 */
	public static Subscription requestedBy(Caller caller, String regionCode, String provisionId, String providerId,
			String provisionProvider, Set<EventType> eventTypes, Channel channel, String url, String secret,
			Instant now) {
		String region = regionCode;
		String provider = providerId;
		if (!caller.isAdmin()) {
			if (caller.providerId() != null && caller.actsForProvider(caller.providerId())) {
				if ((provider != null && !caller.actsForProvider(provider))
						|| (provisionProvider != null && !caller.actsForProvider(provisionProvider))) {
					throw new AccessRefused("provider");
				}
				provider = caller.providerId();
			}
			else {
				if (provider != null || caller.region() == null) {
					throw new AccessRefused("provider");
				}
				region = (region != null) ? region : caller.region();
				if (!caller.seesRegion(region)) {
					throw new AccessRefused("region");
				}
			}
		}
		return new Subscription(UUID.randomUUID(), region, provisionId, provider, eventTypes, channel, url, secret,
				now);
	}

	/**
	 * Whether the caller may see and remove it: an admin any; a provider its own; a
	 * crisis team or panel its region's (not a provider's within it).
	 */
	public boolean belongsTo(Caller caller) {
		if (caller.isAdmin()) {
			return true;
		}
		if (this.providerId != null) {
			return caller.actsForProvider(this.providerId);
		}
		return this.regionCode != null && caller.seesRegion(this.regionCode);
	}

	/**
	 * @param provider the provider of the event's provision, {@code null} when it has
	 * none or is not known
	 */
	public boolean wants(EventType type, String region, String provision, String provider) {
		return (this.eventTypes.isEmpty() || this.eventTypes.contains(type))
				&& (this.regionCode == null || this.regionCode.equals(region))
				&& (this.provisionId == null || this.provisionId.equals(provision))
				&& (this.providerId == null || this.providerId.equals(provider));
	}

}
