package cymru.noddfa.matcher.referral;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code panels.case-events.v1} as group {@code placement-matcher}. A record
 * that cannot be read goes to {@code panels.case-events.v1.dlt} at once; one that fails
 * to apply (the database away) is retried with back-off first (the matcher's Kafka error
 * handler).
 */
@Component
record PanelDecisionListener(JsonMapper json, RecordingPanelDecisions recording) {

	static final String TOPIC = "panels.case-events.v1";

	@KafkaListener(id = "panel-decisions", topics = TOPIC, groupId = "placement-matcher")
	void on(String value) {
		this.recording.apply(this.json.readValue(value, PanelCaseEvent.class));
	}

}
