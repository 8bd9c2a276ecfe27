package cymru.noddfa.matcher.availability;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds {@code registry.provision-state.v1} into the bed ledger (PostgreSQL) and the read
 * model (Redis). Idempotent: a version not newer than the one held changes nothing, so
 * redelivery and replay are harmless.
 */
@Component
class ProvisionStateListener {

	private static final Logger log = LoggerFactory.getLogger(ProvisionStateListener.class);

	private final JsonMapper json;

	private final BedLedgerRepository ledger;

	private final AvailabilityStore store;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	ProvisionStateListener(JsonMapper json, BedLedgerRepository ledger, AvailabilityStore store,
			TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.json = json;
		this.ledger = ledger;
		this.store = store;
		this.transactions = transactions;
		this.events = events;
	}

	@KafkaListener(id = "provision-state", topics = "${noddfa.matcher.read-model.topic:registry.provision-state.v1}",
			groupId = "placement-matcher")
	void on(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			List<LedgerRow> rows = this.transactions.execute((tx) -> this.ledger.remove(record.key()));
			this.store.remove(record.key());
			log.info("Provision {} was deleted; removed from the read model ({} ledger rows zeroed)", record.key(),
					(rows != null) ? rows.size() : 0);
		}
		else {
			ProvisionState state = this.json.readValue(record.value(), ProvisionState.class);
			List<LedgerRow> rows = this.transactions.execute((tx) -> this.ledger.fold(state));
			this.store.writeState(state);
			if (rows != null && !rows.isEmpty()) {
				this.store.mirror(rows);
			}
			log.debug("Provision {} version {} folded into the read model", state.provisionId(), state.version());
		}
		this.events.publishEvent(new ProvisionAvailabilityChanged(record.key()));
	}

}
