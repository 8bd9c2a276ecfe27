package cymru.noddfa.notifications.referral;

import java.util.UUID;

import cymru.noddfa.notifications.alert.AlertPublisher;
import cymru.noddfa.notifications.alert.Audience;
import cymru.noddfa.notifications.delivery.DeliveryScheduler;
import cymru.noddfa.notifications.delivery.Notification;
import cymru.noddfa.notifications.message.Templates;
import cymru.noddfa.notifications.subscription.EventType;
import cymru.noddfa.notifications.subscription.Subscription;
import cymru.noddfa.notifications.subscription.SubscriptionRepository;
import cymru.noddfa.notifications.tenancy.ProvisionOwnerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells everyone who wants to know about one referral event: a delivery for every
 * subscription that asks for its type, region and provision (a provider's only when the
 * provision is that provider's), and an alert for the people of its audience.
 */
record NotifyingOfReferralEvents(SubscriptionRepository subscriptions, DeliveryScheduler deliveries,
		Templates templates, AlertPublisher alerts, ProvisionOwnerRepository owners) {

	private static final Logger log = LoggerFactory.getLogger(NotifyingOfReferralEvents.class);

	/** Inside the transaction that records the event as consumed. */
	void tell(UUID eventId, EventType type, ReferralEvent event) {
		Notification notification = new Notification(eventId, type.name(), event.referralId(), event.reference(),
				event.regionCode(), event.provisionId(), event.occurredAt(),
				this.templates.render(type.name(), event.reference(), event.regionCode()));
		int queued = 0;
		String provider = this.owners.providerOf(event.provisionId()).orElse(null);
		for (Subscription subscription : this.subscriptions.wanting(type, event.regionCode(), event.provisionId(),
				provider)) {
			if (this.deliveries.toWebhook(notification, subscription.id(), subscription.url())) {
				queued++;
			}
		}
		Audience audience = Audience.of(type.name());
		if (audience != null) {
			this.alerts.raise(notification, audience);
		}
		log.info("Event {} ({}) for referral {}: {} deliveries queued", eventId, type, event.referralId(), queued);
	}

}
