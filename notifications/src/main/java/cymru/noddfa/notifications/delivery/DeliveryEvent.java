package cymru.noddfa.notifications.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * What became of a notification, as {@code notifications.delivery-events.v1} tells the
 * other services. {@link DeliveryEventPublisher} writes each to the wire against the
 * committed schema.
 */
public sealed interface DeliveryEvent {

	UUID id();

	Instant at();

	/** The event the notification reported. */
	record Source(UUID eventId, String eventType, String referralId, String reference, String regionCode) {

		static Source of(Notification notification) {
			return new Source(notification.eventId(), notification.eventType(), notification.referralId(),
					notification.reference(), notification.regionCode());
		}

	}

	record NotificationDelivered(UUID id, UUID deliveryId, Source source, String recipient, Channel channel,
			int attempts, Instant at) implements DeliveryEvent {

	}

	record NotificationDeadLettered(UUID id, UUID deliveryId, Source source, String recipient, Channel channel,
			int attempts, Instant at) implements DeliveryEvent {

	}

	record NotificationAcknowledged(UUID id, UUID alertId, Source source, String provisionId, String acknowledgedBy,
			Instant at) implements DeliveryEvent {

	}

}
