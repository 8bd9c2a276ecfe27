package cymru.noddfa.notifications.delivery;

import java.time.Instant;
import java.util.UUID;

import cymru.noddfa.notifications.delivery.DeliveryEvent.NotificationAcknowledged;
import cymru.noddfa.notifications.delivery.DeliveryEvent.NotificationDeadLettered;
import cymru.noddfa.notifications.delivery.DeliveryEvent.NotificationDelivered;
import cymru.noddfa.notifications.delivery.DeliveryEvent.Source;
import cymru.noddfa.outbox.Outbox;
import cymru.noddfa.outbox.OutboxMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The one place a {@link DeliveryEvent} becomes a record of
 * {@code notifications.delivery-events.v1}: its JSON as
 * {@code contracts/notifications.delivery-events.v1.schema.json} describes it, its
 * CloudEvents type, and its key (the referral, so a referral's events stay in order; the
 * delivery or alert when there is none). It leaves through the outbox, in the caller's
 * transaction.
 */
@Component
public record DeliveryEventPublisher(Outbox outbox, JsonMapper json) {

	static final String TOPIC = "notifications.delivery-events.v1";

	public void publish(DeliveryEvent event) {
		switch (event) {
			case NotificationDelivered e ->
				append(e, "NotificationDelivered", e.deliveryId(), e.source(), Delivery.of("NotificationDelivered",
						e.id(), e.deliveryId(), e.source(), e.recipient(), e.channel(), e.attempts(), e.at()));
			case NotificationDeadLettered e -> append(e, "NotificationDeadLettered", e.deliveryId(), e.source(),
					Delivery.of("NotificationDeadLettered", e.id(), e.deliveryId(), e.source(), e.recipient(),
							e.channel(), e.attempts(), e.at()));
			case NotificationAcknowledged e -> append(e, "NotificationAcknowledged", e.alertId(), e.source(),
					new Acknowledgement(e.id(), "NotificationAcknowledged", e.alertId(), e.source().eventId(),
							e.source().eventType(), e.source().referralId(), e.source().reference(),
							e.source().regionCode(), e.provisionId(), e.acknowledgedBy(), e.at()));
		}
	}

	private void append(DeliveryEvent event, String type, UUID subject, Source source, Object payload) {
		String key = (source.referralId() != null) ? source.referralId() : subject.toString();
		this.outbox.append(new OutboxMessage(event.id(), TOPIC, key, "cymru.noddfa.notifications." + type + ".v1",
				subject.toString(), event.at(), this.json.writeValueAsString(payload)));
	}

	/** {@code NotificationDelivered} and {@code NotificationDeadLettered} on the wire. */
	private record Delivery(UUID eventId, String type, UUID deliveryId, UUID sourceEventId, String sourceEventType,
			String referralId, String reference, String regionCode, String recipient, Channel channel, int attempts,
			Instant occurredAt) {

		static Delivery of(String type, UUID eventId, UUID deliveryId, Source source, String recipient, Channel channel,
				int attempts, Instant at) {
			return new Delivery(eventId, type, deliveryId, source.eventId(), source.eventType(), source.referralId(),
					source.reference(), source.regionCode(), recipient, channel, attempts, at);
		}

	}

	/** {@code NotificationAcknowledged} on the wire. */
	private record Acknowledgement(UUID eventId, String type, UUID alertId, UUID sourceEventId, String sourceEventType,
			String referralId, String reference, String regionCode, String provisionId, String acknowledgedBy,
			Instant occurredAt) {

	}

}
