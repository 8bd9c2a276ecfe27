package cymru.noddfa.panels.casework;

import java.util.Optional;
import java.util.UUID;

import cymru.noddfa.kit.events.ConsumedEvents;
import cymru.noddfa.kit.events.EventRecords;
import cymru.noddfa.kit.events.UnreadableEvent;
import cymru.noddfa.panels.referral.ReferralEvent;
import cymru.noddfa.panels.referral.ReferralEventsRepository;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every referral event (a case opened later shows the whole history) and opens a
 * case on the first event that needs the panel, in one transaction with the record of
 * having consumed the event: a redelivered record finds its id there and changes nothing.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class ReferralEventsListener {

	static final String TOPIC = "matching.referral-events.v1";

	private final ConsumedEvents consumed;

	private final ReferralEventsRepository events;

	private final CasesRepository cases;

	private final CaseEventsPublisher publisher;

	private final JsonMapper json;

	@KafkaListener(id = "referral-events", topics = TOPIC, groupId = "${spring.kafka.consumer.group-id:panels}")
	@Transactional
	public void on(ConsumerRecord<String, String> record) {
		ReferralEvent event = read(record);
		UUID eventId = eventId(record, event);
		if (!this.consumed.firstTime(eventId, record.topic(), event.type(), "referral " + event.referralId())) {
			return;
		}
		this.events.store(eventId, event);
		Optional<PanelCase> existing = this.cases.ofReferral(event.referralId());
		if (existing.isPresent()) {
			PanelCase open = existing.get();
			if (open.note(event)) {
				this.cases.update(open);
				log.info("Case {} of referral {}: {} noted, funding clock running", open.id(), event.referralId(),
						event.type());
			}
			return;
		}
		OpenedBecause.of(event).ifPresent((because) -> {
			PanelCase opened = PanelCase.open(CaseId.random(), event, because);
			if (this.cases.insert(opened)) {
				this.publisher.publish(CaseEvent.CaseOpened.of(opened));
				log.info("Case {} opened for referral {} ({}): region {}'s panel to act", opened.id(),
						event.referralId(), because, opened.region());
			}
		});
	}

	private ReferralEvent read(ConsumerRecord<String, String> record) {
		ReferralEvent event = EventRecords.read(this.json, record, ReferralEvent.class, "referral event");
		if (event.type() == null || event.referralId() == null || event.occurredAt() == null
				|| event.regionCode() == null) {
			throw new UnreadableEvent("event without type, referralId, occurredAt or regionCode", null);
		}
		try {
			RegionCode.of(event.regionCode());
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableEvent("not a referral event: " + ex.getMessage(), ex);
		}
		return event;
	}

	/** The CloudEvents id, else the payload's own. */
	private static UUID eventId(ConsumerRecord<String, String> record, ReferralEvent event) {
		return EventRecords.cloudEventId(record)
			.or(() -> Optional.ofNullable(event.eventId()))
			.orElseThrow(() -> new UnreadableEvent("record without ce_id at offset " + record.offset(), null));
	}

}
