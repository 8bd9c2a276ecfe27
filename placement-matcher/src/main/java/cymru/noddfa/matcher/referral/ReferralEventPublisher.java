package cymru.noddfa.matcher.referral;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cymru.noddfa.outbox.Outbox;
import cymru.noddfa.outbox.OutboxMessage;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes lifecycle events of {@code matching.referral-events.v1} into the outbox, inside
 * the transaction of the change. The contract is
 * {@code contracts/matching.referral-events.v1.schema.json}: codes and ids only, never
 * free text from the referral.
 */
@Component
class ReferralEventPublisher {

	static final String TOPIC = "matching.referral-events.v1";

	private final Outbox outbox;

	private final JsonMapper json;

	ReferralEventPublisher(Outbox outbox, JsonMapper json) {
		this.outbox = outbox;
		this.json = json;
	}

	void publish(Referral referral, String type, Instant at, Map<String, Object> details) {
		UUID eventId = UUID.randomUUID();
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("eventId", eventId.toString());
		payload.put("type", type);
		payload.put("referralId", referral.id().toString());
		payload.put("referralVersion", referral.version());
		payload.put("occurredAt", at.toString());
		payload.put("regionCode", referral.regionCode());
		payload.put("reference", referral.reference());
		payload.putAll(details);
		this.outbox
			.append(new OutboxMessage(eventId, TOPIC, referral.id().toString(), "cymru.noddfa.matching." + type + ".v1",
					referral.id().toString(), at, this.json.writeValueAsString(payload)));
	}

}
