package cymru.noddfa.notifications.panel;

import cymru.noddfa.kit.events.ConsumedEvents;
import cymru.noddfa.kit.events.EventRecords;
import cymru.noddfa.kit.events.UnreadableEvent;
import cymru.noddfa.notifications.subscription.EventType;
import cymru.noddfa.notifications.tenancy.ReferralRegionRepository;
import lombok.RequiredArgsConstructor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the panels' case events and has the region's panel told, in one transaction with
 * the record of having consumed the event (its {@code eventId}), so a redelivered record
 * tells nobody twice.
 */
@Component
@RequiredArgsConstructor
class PanelCaseEventsListener {

	static final String TOPIC = "panels.case-events.v1";

	private final ConsumedEvents consumed;

	private final ReferralRegionRepository regions;

	private final AlertingThePanel alerting;

	private final JsonMapper json;

	@KafkaListener(id = "panel-case-events", topics = TOPIC,
			groupId = "${spring.kafka.consumer.group-id:notifications}")
	@Transactional
	public void on(ConsumerRecord<String, String> record) {
		PanelCaseEvent event = read(record);
		if (!this.consumed.firstTime(event.eventId(), record.topic(), event.type(), "case " + event.caseId())) {
			return;
		}
		// the case's referral is the home region's: who may read what it causes
		this.regions.record(event.referralId(), event.regionCode());
		String kind = PanelAlerts.kind(event.type(), event.openedBecause());
		EventType type = EventType.named(event.type());
		if (kind == null || type == null) {
			return;
		}
		this.alerting.tell(event, type, kind);
	}

	private PanelCaseEvent read(ConsumerRecord<String, String> record) {
		PanelCaseEvent event = EventRecords.read(this.json, record, PanelCaseEvent.class, "panel case event");
		if (event.eventId() == null || event.type() == null || event.referralId() == null || event.regionCode() == null
				|| event.occurredAt() == null) {
			throw new UnreadableEvent("event without eventId, type, referralId, regionCode or occurredAt", null);
		}
		if ("FundingWaitOverdue".equals(event.type()) && event.daysWaiting() == null) {
			throw new UnreadableEvent("FundingWaitOverdue without daysWaiting", null);
		}
		return event;
	}

}
