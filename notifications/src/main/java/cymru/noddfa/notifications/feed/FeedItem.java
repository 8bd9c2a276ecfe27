package cymru.noddfa.notifications.feed;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import cymru.noddfa.notifications.message.BilingualText;

/**
 * One entry of the live feed: the event named by its type and pseudonymous reference,
 * with the same bilingual text people receive.
 *
 * @param acknowledgedBy for {@code NotificationAcknowledged}: who has seen the alert
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FeedItem(UUID eventId, String eventType, String referralId, String reference, String regionCode,
		String provisionId, Instant occurredAt, BilingualText text, String acknowledgedBy) {

}
