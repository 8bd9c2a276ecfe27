package cymru.noddfa.notifications.delivery;

import java.time.Instant;
import java.util.UUID;

import cymru.noddfa.notifications.message.BilingualText;

/**
 * The message a recipient receives about one event: what happened to which referral, in
 * both languages. It names the referral by its pseudonymous reference and carries no
 * details of the child.
 *
 * @param eventId the CloudEvents id of the event reported
 */
public record Notification(UUID eventId, String eventType, String referralId, String reference, String regionCode,
		String provisionId, Instant occurredAt, BilingualText text) {

}
