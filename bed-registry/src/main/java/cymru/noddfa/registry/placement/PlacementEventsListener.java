package cymru.noddfa.registry.placement;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import cymru.noddfa.registry.provision.BedType;
import cymru.noddfa.registry.provision.InvalidValue;
import cymru.noddfa.registry.provision.ProvisionStore;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A child placed in a provision takes one of its beds; a placement that ends gives it
 * back. Each event applies exactly once: its id goes into the inbox in the same
 * transaction as the change, so a redelivery finds it there and changes nothing.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class PlacementEventsListener {

	static final String ACTOR = "placement-matcher";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ProvisionStore provisions;

	private final JsonMapper json;

	@KafkaListener(id = "bed-registry-placements", groupId = "bed-registry",
			topics = "${noddfa.registry.topics.referral-events:matching.referral-events.v1}")
	void on(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			return;
		}
		ReferralEvent event = this.json.readValue(record.value(), ReferralEvent.class);
		boolean started = "PlacementStarted".equals(event.type());
		if (!started && !"PlacementEnded".equals(event.type())) {
			return;
		}
		UUID eventId = eventId(record, event);
		if (event.provisionId() == null) {
			throw new InvalidValue("provisionId", "required");
		}
		if (event.bedType() == null) {
			throw new InvalidValue("bedType", "required");
		}
		this.transactions.executeWithoutResult((tx) -> {
			int fresh = this.jdbc.sql("""
					insert into inbox (event_id, event_type, received_at) values (?, ?, now())
					on conflict (event_id) do nothing
					""").params(eventId, event.type()).update();
			if (fresh == 0) {
				log.info("Placement event {} for provision {} was applied before; ignored this delivery", eventId,
						event.provisionId());
				return;
			}
			this.provisions.change(event.provisionId(), null, (provision, at) -> {
				if (started) {
					provision.placementStarted(event.bedType(), ACTOR, at);
				}
				else {
					provision.placementEnded(event.bedType(), ACTOR, at);
				}
			});
			log.info("{} {}: one {} bed {} at provision {}", event.type(), eventId, event.bedType(),
					started ? "taken" : "given back", event.provisionId());
		});
	}

	/** The CloudEvents id is the dedup key; the payload's own id stands in without it. */
	private static UUID eventId(ConsumerRecord<String, String> record, ReferralEvent event) {
		Header header = record.headers().lastHeader("ce_id");
		String id = (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : event.eventId();
		if (id == null) {
			throw new InvalidValue("eventId", "required");
		}
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidValue("eventId", "invalid-format", id);
		}
	}

	/** The fields of {@code matching.referral-events.v1} this service reads. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ReferralEvent(String eventId, String type, String provisionId, BedType bedType) {
	}

}
