package cymru.noddfa.notifications.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One delivery as {@code GET /v1/notifications} shows it.
 *
 * @param eventId the CloudEvents id of the event that caused it
 * @param nextAttemptAt when it is tried again, while it is pending
 * @param attemptLog every attempt, oldest first
 */
record DeliveryView(UUID id, UUID eventId, String eventType, String referralId, String reference, String regionCode,
		String recipient, String channel, String target, String status, int attempts, Instant createdAt,
		Instant deliveredAt, Instant nextAttemptAt, String lastError, List<AttemptView> attemptLog) {

	DeliveryView withAttemptLog(List<AttemptView> log) {
		return new DeliveryView(this.id, this.eventId, this.eventType, this.referralId, this.reference, this.regionCode,
				this.recipient, this.channel, this.target, this.status, this.attempts, this.createdAt, this.deliveredAt,
				this.nextAttemptAt, this.lastError, List.copyOf(log));
	}

}
