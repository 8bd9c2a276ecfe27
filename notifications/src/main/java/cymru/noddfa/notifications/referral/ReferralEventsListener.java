package cymru.noddfa.notifications.referral;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import cymru.noddfa.notifications.UnreadableEvent;
import cymru.noddfa.notifications.delivery.InboxRepository;
import cymru.noddfa.notifications.subscription.EventType;
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
 * Reads each referral event and has everyone who wants to know told, in one transaction
 * with the record of having consumed it, so a redelivered record (the broker is
 * at-least-once) finds its id already there and queues nothing twice. The referral's
 * region is remembered too: it decides who may read the referral's notifications.
 */
@Component
class ReferralEventsListener {

	private static final Logger log = LoggerFactory.getLogger(ReferralEventsListener.class);

	static final String TOPIC = "matching.referral-events.v1";

	private final InboxRepository inbox;

	private final ReferralRegionRepository regions;

	private final NotifyingOfReferralEvents notifying;

	private final JsonMapper json;

	ReferralEventsListener(InboxRepository inbox, ReferralRegionRepository regions, NotifyingOfReferralEvents notifying,
			JsonMapper json) {
		this.inbox = inbox;
		this.regions = regions;
		this.notifying = notifying;
		this.json = json;
	}

	@KafkaListener(id = "referral-events", topics = TOPIC, groupId = "${spring.kafka.consumer.group-id:notifications}")
	@Transactional
	public void on(ConsumerRecord<String, String> record) {
		UUID eventId = eventId(record);
		ReferralEvent event = read(record);
		if (!this.inbox.firstTime(eventId, record.topic(), String.valueOf(event.type()))) {
			log.info("Event {} ({}) for referral {} was already handled; skipped", eventId, event.type(),
					event.referralId());
			return;
		}
		// whose the referral is: who may read its notifications is decided against this
		this.regions.record(event.referralId(), event.regionCode());
		EventType type = EventType.named(event.type());
		if (type == null) {
			log.info("Event {} has type {}, which nobody subscribes to; skipped", eventId, event.type());
			return;
		}
		this.notifying.tell(eventId, type, event);
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
