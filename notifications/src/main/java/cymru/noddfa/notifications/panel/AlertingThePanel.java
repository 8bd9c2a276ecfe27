package cymru.noddfa.notifications.panel;

import cymru.noddfa.notifications.alert.AlertPublisher;
import cymru.noddfa.notifications.delivery.DeliveryScheduler;
import cymru.noddfa.notifications.delivery.Notification;
import cymru.noddfa.notifications.message.Templates;
import cymru.noddfa.notifications.subscription.EventType;
import cymru.noddfa.notifications.subscription.Subscription;
import cymru.noddfa.notifications.subscription.SubscriptionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the region's panel about a case event: an alert to the panel's contacts (email
 * and SMS down the rota, as for every alert) and a delivery to every webhook subscription
 * of the region that asks for the type. Panel events carry no reference, so the message
 * names the referral by the reference the matcher's events gave it, where this service
 * has heard it.
 */
record AlertingThePanel(SubscriptionRepository subscriptions, DeliveryScheduler deliveries, Templates templates,
		AlertPublisher alerts) {

	private static final Logger log = LoggerFactory.getLogger(AlertingThePanel.class);

	/** Inside the transaction that records the event as consumed. */
	void tell(PanelCaseEvent event, EventType type, String kind) {
		String reference = this.alerts.referenceOf(event.referralId()).orElse(null);
		String named = (reference != null) ? reference : event.referralId();
		Notification notification = new Notification(event.eventId(), type.name(), event.referralId(), reference,
				event.regionCode(), null, event.occurredAt(),
				this.templates.render(kind, named, event.regionCode(), event.daysWaiting()));
		int queued = 0;
		for (Subscription subscription : this.subscriptions.wanting(type, event.regionCode(), null, null)) {
			if (this.deliveries.toWebhook(notification, subscription.id(), subscription.url())) {
				queued++;
			}
		}
		this.alerts.raise(notification, PanelAlerts.audience(kind));
		log.info("Panel event {} ({}) for case {} in region {}: panel alerted, {} webhook deliveries queued",
				event.eventId(), kind, event.caseId(), event.regionCode(), queued);
	}

}
