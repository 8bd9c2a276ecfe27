package cymru.noddfa.notifications.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cymru.noddfa.kit.security.Caller;

/**
 * Someone to tell, with the ways to reach them in order of preference.
 *
 * @param provisionId for provider duty contacts, the provision they answer for
 * @param rotaPosition place in the rota, lowest first
 * @param quietHours when messages that can wait are held back, if ever
 */
public record Contact(UUID id, String name, Role role, String regionCode, String provisionId, int rotaPosition,
		List<Reach> channels, QuietHours quietHours, Instant createdAt) {

	public Contact {
		if (channels.isEmpty()) {
			throw new IllegalArgumentException("a contact needs at least one channel");
		}
		channels = List.copyOf(channels);
	}

	/**
	 * When a message may be sent to this person: at once when it needs action or they
	 * have no quiet hours, otherwise when their quiet hours end.
	 */
	public Instant sendAt(Instant now, boolean needsAction) {
		return (needsAction || this.quietHours == null) ? now : this.quietHours.releaseAt(now);
	}

	/**
	 * Admins keep every region's contacts; a crisis team may read its own region's (to
	 * see who is on its rota and who answers for the region's units).
	 */
	public boolean readableBy(Caller caller) {
		return caller.isAdmin() || caller.isCrisisTeamOf(this.regionCode);
	}

	/** The channel at {@code index}, if the contact has one. */
	public Reach channel(int index) {
		return (index < this.channels.size()) ? this.channels.get(index) : null;
	}

	public record Reach(ContactChannel channel, String address) {

	}

}
