package cymru.noddfa.notifications.referral;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import cymru.noddfa.notifications.UnreadableEvent;
import cymru.noddfa.notifications.alert.AlertPublisher;
import cymru.noddfa.notifications.alert.Audience;
import cymru.noddfa.notifications.delivery.DeliveryRepository;
import cymru.noddfa.notifications.delivery.DeliveryScheduler;
import cymru.noddfa.notifications.delivery.InboxRepository;
import cymru.noddfa.notifications.delivery.Notification;
import cymru.noddfa.notifications.delivery.Recipient;
import cymru.noddfa.notifications.message.Templates;
import cymru.noddfa.notifications.subscription.EventType;
import cymru.noddfa.notifications.subscription.Subscription;
import cymru.noddfa.notifications.subscription.SubscriptionRepository;
import cymru.noddfa.notifications.tenancy.ProvisionOwnerRepository;
import cymru.noddfa.notifications.tenancy.ReferralRegionRepository;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns each referral event into deliveries for every subscription that wants it, in one
 * transaction with the record of having consumed it, so a redelivered record (the broker
 * is at-least-once) finds its id already there and queues nothing twice. The referral's
 * region is remembered too: it decides who may read the referral's notifications.
 */
@Component
class ReferralEventsListener {

	private static final Logger log = LoggerFactory.getLogger(ReferralEventsListener.class);

	static final String TOPIC = "matching.referral-events.v1";

	private final InboxRepository inbox;

	private final SubscriptionRepository subscriptions;

	private final DeliveryRepository deliveries;

	private final DeliveryScheduler scheduler;

	private final Templates templates;

	private final AlertPublisher alerts;

	private final ReferralRegionRepository regions;

	private final ProvisionOwnerRepository owners;

	private final JsonMapper json;

	private final Clock clock;

	ReferralEventsListener(InboxRepository inbox, SubscriptionRepository subscriptions, DeliveryRepository deliveries,
			DeliveryScheduler scheduler, Templates templates, AlertPublisher alerts, ReferralRegionRepository regions,
			ProvisionOwnerRepository owners, JsonMapper json, Clock clock) {
		this.regions = regions;
		this.owners = owners;
		this.alerts = alerts;
		this.inbox = inbox;
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.scheduler = scheduler;
		this.templates = templates;
		this.json = json;
		this.clock = clock;
	}

	@KafkaListener(id = "referral-events", topics = TOPIC, groupId = "${spring.kafka.consumer.group-id:notifications}")
	@Transactional
	public void on(ConsumerRecord<String, String> record) {
		UUID eventId = eventId(record);
		ReferralEvent event = read(record);
		EventType type = EventType.named(event.type());
		if (!this.inbox.firstTime(eventId, record.topic(), String.valueOf(event.type()))) {
			log.info("Event {} ({}) for referral {} was already handled; skipped", eventId, event.type(),
					event.referralId());
			return;
		}
		// whose the referral is: who may read its notifications is decided against this
		this.regions.record(event.referralId(), event.regionCode());
		if (type == null) {
			log.info("Event {} has type {}, which nobody subscribes to; skipped", eventId, event.type());
			return;
		}
		Notification notification = new Notification(eventId, type.name(), event.referralId(), event.reference(),
				event.regionCode(), event.provisionId(), event.occurredAt(),
				this.templates.render(type.name(), event.reference(), event.regionCode()));
		String payload = this.json.writeValueAsString(notification);
		int planned = 0;
		String provider = this.owners.providerOf(event.provisionId()).orElse(null);
		for (Subscription subscription : this.subscriptions.wanting(type, event.regionCode(), event.provisionId(),
				provider)) {
			if (this.deliveries.plan(notification, payload, Recipient.webhook(subscription.id(), subscription.url()),
					null, this.clock.instant())) {
				planned++;
			}
		}
		if (planned > 0) {
			this.scheduler.wakeUpAfterCommit();
		}
		Audience audience = Audience.of(type.name());
		if (audience != null) {
			this.alerts.raise(notification, audience);
		}
		log.info("Event {} ({}) for referral {}: {} deliveries queued", eventId, type, event.referralId(), planned);
	}

	private ReferralEvent read(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			throw new UnreadableEvent("record without a value at offset " + record.offset(), null);
		}
		try {
			ReferralEvent event = this.json.readValue(record.value(), ReferralEvent.class);
			if (event.type() == null || event.referralId() == null || event.occurredAt() == null) {
				throw new UnreadableEvent("event without type, referralId or occurredAt", null);
			}
			return event;
		}
		catch (JacksonException ex) {
			throw new UnreadableEvent("not a referral event: " + ex.getOriginalMessage(), ex);
		}
	}

	private static UUID eventId(ConsumerRecord<String, String> record) {
		Header header = record.headers().lastHeader("ce_id");
		if (header == null) {
			throw new UnreadableEvent("record without ce_id at offset " + record.offset(), null);
		}
		try {
			return UUID.fromString(new String(header.value(), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableEvent("ce_id is not a UUID", ex);
		}
	}

}
