package cymru.noddfa.matcher.availability;

import java.util.List;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds {@code registry.provision-state.v1} into the bed ledger (PostgreSQL) and the read
 * model (Redis). Idempotent: a version not newer than the one held changes nothing, so
 * redelivery and replay are harmless.
 * <p>
 * Redis is given the provision whole, as the ledger holds it after the fold, and never
 * only what this record changed: when a Redis write fails after the fold committed, the
 * retry (or the periodic reconcile, {@link ReadModelReconciler}) writes everything again,
 * even though the fold has nothing left to change. A record that lacks what the matcher
 * needs is refused before anything is written ({@link UnusableProvisionState}), and goes
 * to the dead-letter topic; see {@link ReadModelConfiguration#kafkaErrorHandler}.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class ProvisionStateListener {

	private final JsonMapper json;

	private final BedLedgerRepository ledger;

	private final ProvisionMirror mirror;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	@KafkaListener(id = "provision-state", topics = "${noddfa.matcher.read-model.topic:registry.provision-state.v1}",
			groupId = "placement-matcher")
	void on(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			List<LedgerRow> rows = this.transactions.execute((tx) -> this.ledger.remove(record.key()));
			this.mirror.remove(record.key());
			log.info("Provision {} was deleted; removed from the read model ({} ledger rows zeroed)", record.key(),
					(rows != null) ? rows.size() : 0);
		}
		else {
			ProvisionState state = read(this.json, record.key(), record.value());
			RecordedProvision recorded = this.transactions.execute((tx) -> {
				this.ledger.fold(state);
				return this.ledger.provision(state.provisionId());
			});
			this.mirror.write(recorded);
			log.debug("Provision {} version {} folded into the read model", state.provisionId(), state.version());
		}
		this.events.publishEvent(new ProvisionAvailabilityChanged(record.key()));
	}

	/**
	 * The state in a record's value, or {@link UnusableProvisionState} (or Jackson's own
	 * exception, for a value that is not JSON of this shape) when it can never be
	 * applied.
	 */
	static ProvisionState read(JsonMapper json, String key, String value) {
		ProvisionState state = json.readValue(value, ProvisionState.class);
		List<String> problems = (state != null) ? state.problems(key) : List.of("the value is JSON null");
		if (!problems.isEmpty()) {
			throw new UnusableProvisionState(key, problems);
		}
		return state;
	}

}
