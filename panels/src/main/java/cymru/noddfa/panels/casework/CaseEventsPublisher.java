package cymru.noddfa.panels.casework;

import cymru.noddfa.outbox.Outbox;
import cymru.noddfa.outbox.OutboxMessage;
import cymru.noddfa.panels.PanelsProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes case events into the outbox, in the transaction of the change they report. The
 * key is the referral id: the matcher and the notifications service think in referrals,
 * so a case's events share a partition (and an order) with the referral's own events' key
 * space, and a consumer joins them without a lookup. A referral has at most one case, so
 * nothing is lost by not keying on the case.
 */
@Component
public class CaseEventsPublisher {

	static final String TYPE_PREFIX = "cymru.noddfa.panels.";

	private final Outbox outbox;

	private final JsonMapper json;

	private final String topic;

	CaseEventsPublisher(Outbox outbox, JsonMapper json, PanelsProperties properties) {
		this.outbox = outbox;
		this.json = json;
		this.topic = properties.topics().caseEvents();
	}

	public void publish(CaseEvent event) {
		this.outbox.append(new OutboxMessage(event.eventId(), this.topic, event.referralId().toString(),
				TYPE_PREFIX + event.type() + ".v1", event.caseId().toString(), event.occurredAt(),
				this.json.writeValueAsString(event)));
	}

}
