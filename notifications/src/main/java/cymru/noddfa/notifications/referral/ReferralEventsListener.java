package cymru.noddfa.notifications.referral;

import java.util.UUID;

import cymru.noddfa.kit.events.ConsumedEvents;
import cymru.noddfa.kit.events.EventRecords;
import cymru.noddfa.kit.events.UnreadableEvent;
import cymru.noddfa.notifications.subscription.EventType;
import cymru.noddfa.notifications.tenancy.ReferralRegionRepository;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
@RequiredArgsConstructor
@Slf4j
class ReferralEventsListener {

	private final ConsumedEvents consumed;

	private final ReferralRegionRepository regions;

	private final NotifyingOfReferralEvents notifying;

	private final JsonMapper json;

	@KafkaListener(id = "referral-events", topics = ReferralEvent.TOPIC,
			groupId = "${spring.kafka.consumer.group-id:notifications}")
	@Transactional
	public void on(ConsumerRecord<String, String> record) {
		UUID eventId = EventRecords.cloudEventId(record)
			.orElseThrow(() -> new UnreadableEvent("record without ce_id at offset " + record.offset(), null));
		ReferralEvent event = read(record);
		if (!this.consumed.firstTime(eventId, record.topic(), String.valueOf(event.type()),
				"referral " + event.referralId())) {
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
		ReferralEvent event = EventRecords.read(this.json, record, ReferralEvent.class, "referral event");
		if (event.type() == null || event.referralId() == null || event.occurredAt() == null) {
			throw new UnreadableEvent("event without type, referralId or occurredAt", null);
		}
		return event;
	}

}
