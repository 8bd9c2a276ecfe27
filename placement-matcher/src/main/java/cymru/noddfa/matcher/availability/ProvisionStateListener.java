package cymru.noddfa.matcher.availability;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds {@code registry.provision-state.v1} into the bed ledger (PostgreSQL) and the read
 * model (Redis), a poll's records at a time: one transaction of a few statements, one
 * pipelined Redis round trip, and one waiting-list re-check per provision however many of
 * its records came. Idempotent: a version not newer than the one held changes nothing, so
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

	/**
	 * One poll's records in one transaction and one Redis round trip. A record that can
	 * never be applied ends the batch: those before it are applied, and the error handler
	 * dead-letters it and carries on after it ({@link BatchListenerFailedException}).
	 */
	@KafkaListener(id = "provision-state", topics = "${noddfa.matcher.read-model.topic:registry.provision-state.v1}",
			groupId = "placement-matcher", batch = "true")
	void on(List<ConsumerRecord<String, String>> records) {
		List<Change> changes = new ArrayList<>(records.size());
		for (int i = 0; i < records.size(); i++) {
			ConsumerRecord<String, String> record = records.get(i);
			try {
				changes.add(new Change(record.key(),
						(record.value() != null) ? read(this.json, record.key(), record.value()) : null));
			}
			catch (RuntimeException ex) {
				apply(changes);
				throw new BatchListenerFailedException("Provision state can never be applied", ex, i);
			}
		}
		apply(changes);
	}

	/** A provision's new state, or its deletion (no state). */
	private record Change(String provisionId, ProvisionState state) {
	}

	/**
	 * All together; when that fails, one at a time, so that the record at fault is the
	 * one the error handler retries and, if it can never apply, parks: never another
	 * record of the same poll. The fold is idempotent, so what the failed attempt already
	 * wrote is written again harmlessly.
	 */
	private void apply(List<Change> changes) {
		if (changes.isEmpty()) {
			return;
		}
		try {
			fold(changes);
		}
		catch (RuntimeException ex) {
			for (int i = 0; i < changes.size(); i++) {
				try {
					fold(List.of(changes.get(i)));
				}
				catch (RuntimeException single) {
					throw new BatchListenerFailedException("Provision state not folded", single, i);
				}
			}
		}
	}

	private void fold(List<Change> changes) {
		List<String> touched = changes.stream().map(Change::provisionId).distinct().toList();
		List<RecordedProvision> recorded = this.transactions.execute((tx) -> {
			// the states between deletions fold together; a deletion keeps its place
			List<ProvisionState> states = new ArrayList<>();
			for (Change change : changes) {
				if (change.state() == null) {
					this.ledger.fold(states);
					states.clear();
					log.info("Provision {} was deleted; it leaves the read model", change.provisionId());
					this.ledger.remove(change.provisionId());
				}
				else {
					states.add(change.state());
				}
			}
			this.ledger.fold(states);
			return this.ledger.provisions(touched);
		});
		this.mirror.writeAll(recorded);
		log.debug("{} provision states folded into the read model", changes.size());
		touched.forEach((id) -> this.events.publishEvent(new ProvisionAvailabilityChanged(id)));
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
