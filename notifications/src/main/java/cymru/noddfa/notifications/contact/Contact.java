package cymru.noddfa.notifications.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Someone to tell, with the ways to reach them in order of preference.
 *
 * @param provisionId for provider duty contacts, the provision they answer for
 * @param rotaPosition place in the rota, lowest first
 */
public record Contact(UUID id, String name, Role role, String regionCode, String provisionId, int rotaPosition,
		List<Reach> channels, Instant createdAt) {

	public Contact {
		if (channels.isEmpty()) {
			throw new IllegalArgumentException("a contact needs at least one channel");
		}
		channels = List.copyOf(channels);
	}

	/** The channel after {@code index}, if the contact has one. */
	public Reach channel(int index) {
		return (index < this.channels.size()) ? this.channels.get(index) : null;
	}

	public record Reach(ContactChannel channel, String address) {

	}

}
