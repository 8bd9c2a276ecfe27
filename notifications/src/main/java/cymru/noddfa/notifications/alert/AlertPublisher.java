package cymru.noddfa.notifications.alert;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cymru.noddfa.notifications.contact.Contact;
import cymru.noddfa.notifications.contact.ContactRepository;
import cymru.noddfa.notifications.contact.Role;
import cymru.noddfa.notifications.delivery.DeliveryEventPublisher;
import cymru.noddfa.notifications.delivery.DeliveryScheduler;
import cymru.noddfa.notifications.delivery.Notification;
import lombok.extern.slf4j.Slf4j;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people: raises an alert for an event, sends it to the first contact of the
 * audience's rota, climbs the rota while an alert that needs action stays unacknowledged,
 * and records acknowledgements.
 */
@Component
@Slf4j
public class AlertPublisher {

	private final AlertRepository alerts;

	private final ContactRepository contacts;

	private final DeliveryScheduler deliveries;

	private final DeliveryEventPublisher events;

	private final AlertProperties properties;

	private final AcknowledgementLinks links;

	private final Clock clock;

	AlertPublisher(AlertRepository alerts, ContactRepository contacts, DeliveryScheduler deliveries,
			DeliveryEventPublisher events, AlertProperties properties, Clock clock) {
		this.alerts = alerts;
		this.contacts = contacts;
		this.deliveries = deliveries;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
		String key = properties.linkKey();
		if (key == null || key.isBlank()) {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			key = Base64.getEncoder().encodeToString(random);
			log.warn("No noddfa.notifications.alerts.link-key configured: acknowledgement links are signed with a key "
					+ "made at start-up and stop working when this instance restarts");
		}
		this.links = new AcknowledgementLinks(properties.publicBaseUrl(), key, properties.linkTimeToLive());
	}

	AcknowledgementLinks links() {
		return this.links;
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * Raises the alert for an event inside the caller's transaction and tells the first
	 * person on the rota (the team lead when the rota is empty and action is needed). An
	 * event that already raised its alert raises nothing.
	 */
	@Transactional
	public void raise(Notification notification, Audience audience) {
		Instant now = this.clock.instant();
		List<Contact> rota = this.contacts.rota(audience.role(), notification.regionCode(), notification.provisionId());
		boolean rotaEmpty = rota.isEmpty();
		Instant nextEscalation = (audience.needsAcknowledgement() && !rotaEmpty)
				? now.plus(this.properties.escalateAfter()) : null;
		Alert alert = Alert.raisedBy(notification, audience, nextEscalation);
		if (!this.alerts.add(alert, notification, now)) {
			return;
		}
		if (!rotaEmpty) {
			tell(alert, notification, List.of(rota.get(0)));
		}
		else if (audience.needsAcknowledgement()) {
			log.warn("Alert {} ({}) for region {}: no {} contact on the rota; telling the team lead", alert.id(),
					alert.eventType(), alert.regionCode(), audience.role());
			tell(alert, notification, this.contacts.rota(Role.TEAM_LEAD, alert.regionCode(), null));
		}
		else {
			log.warn("Alert {} ({}) for region {}: no {} contact to tell", alert.id(), alert.eventType(),
					alert.regionCode(), audience.role());
		}
	}

	/**
	 * The reference the matcher's events gave a referral, from its alerts, for messages
	 * about events that carry none (the panels').
	 */
	public Optional<String> referenceOf(String referralId) {
		return this.alerts.referenceOf(referralId);
	}

	/** Climbs one step for each due alert; returns how many climbed. */
	@Transactional
	public int escalateDue() {
		Instant now = this.clock.instant();
		List<Alert> due = this.alerts.dueForEscalation(now, 100);
		for (Alert alert : due) {
			List<Contact> rota = this.contacts.rota(alert.audience().role(), alert.regionCode(), alert.provisionId());
			Alert.Escalation escalation = alert.escalate(rota.size(), now, this.properties.escalateAfter());
			Notification notification = this.alerts.notification(alert.id());
			switch (escalation.step()) {
				case NEXT_CONTACT -> {
					log.warn("Alert {} ({}) unacknowledged after {}: telling the next contact on the rota", alert.id(),
							alert.eventType(), this.properties.escalateAfter());
					tell(alert, notification, List.of(rota.get(escalation.level())));
				}
				case TEAM_LEAD -> {
					log.warn("Alert {} ({}) unacknowledged by the whole rota: telling the team lead of {}", alert.id(),
							alert.eventType(), alert.regionCode());
					tell(alert, notification, this.contacts.rota(Role.TEAM_LEAD, alert.regionCode(), null));
				}
				case NONE -> log.error("Alert {} ({}) still unacknowledged after the team lead was told", alert.id(),
						alert.eventType());
			}
			this.alerts.save(alert.escalated(escalation));
		}
		return due.size();
	}

	/** Records who acknowledged; the first acknowledgement stands. */
	@Transactional
	public Optional<Alert> acknowledge(UUID alertId, String by) {
		Optional<Alert> found = this.alerts.lock(alertId);
		if (found.isEmpty()) {
			return found;
		}
		Alert alert = found.get();
		if (alert.acknowledged()) {
			return found;
		}
		Instant now = this.clock.instant();
		Alert acknowledged = alert.acknowledge(by, now);
		this.alerts.save(acknowledged);
		this.events.publish(acknowledged.acknowledgement());
		log.info("Alert {} ({}) acknowledged by {}", alert.id(), alert.eventType(), by);
		return Optional.of(acknowledged);
	}

	private void tell(Alert alert, Notification notification, List<Contact> people) {
		Instant now = this.clock.instant();
		for (Contact contact : people) {
			Notification message = alert.audience().needsAcknowledgement()
					? notification.needingAcknowledgement(alert.id(), this.links.url(alert.id(), contact.id(), now))
					: notification;
			this.deliveries.toContact(message, contact, alert.id(),
					contact.sendAt(now, alert.audience().needsAcknowledgement()));
		}
	}

}
