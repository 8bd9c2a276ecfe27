package cymru.noddfa.notifications.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One delivery as {@code GET /v1/notifications} shows it.
 *
 * @param eventId the CloudEvents id of the event that caused it
 * @param nextAttemptAt when it is tried again, while it is pending
 * @param target where it went, or a masked form of it for a caller who does not own it
 * @param attemptLog every attempt, oldest first
 * @param subscriptionId the subscription it was for (not shown)
 * @param contactId the person it was for (not shown)
 */
record DeliveryView(UUID id, UUID eventId, String eventType, String referralId, String reference, String regionCode,
		String recipient, String channel, String target, String status, int attempts, Instant createdAt,
		Instant deliveredAt, Instant nextAttemptAt, String lastError, List<AttemptView> attemptLog,
		@JsonIgnore UUID subscriptionId, @JsonIgnore UUID contactId) {

	DeliveryView withAttemptLog(List<AttemptView> log) {
		return new DeliveryView(this.id, this.eventId, this.eventType, this.referralId, this.reference, this.regionCode,
				this.recipient, this.channel, this.target, this.status, this.attempts, this.createdAt, this.deliveredAt,
				this.nextAttemptAt, this.lastError, List.copyOf(log), this.subscriptionId, this.contactId);
	}

	/**
	 * As a caller who does not own the target sees it: the masked target, and no error
	 * text (it can name the receiver's host).
	 */
	DeliveryView redacted(String maskedTarget) {
		return new DeliveryView(this.id, this.eventId, this.eventType, this.referralId, this.reference, this.regionCode,
				this.recipient, this.channel, maskedTarget, this.status, this.attempts, this.createdAt,
				this.deliveredAt, this.nextAttemptAt, null,
				this.attemptLog.stream().map(AttemptView::withoutError).toList(), this.subscriptionId, this.contactId);
	}

}
