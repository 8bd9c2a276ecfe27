package cymru.noddfa.notifications.provision;

import java.util.List;

import cymru.noddfa.kit.events.EventRecords;
import cymru.noddfa.kit.events.OneTransactionPerPoll;
import cymru.noddfa.kit.events.PollAcknowledgement;
import cymru.noddfa.kit.events.UnhurriedFetch;
import cymru.noddfa.kit.events.UnreadableEvent;
import cymru.noddfa.notifications.tenancy.ProvisionOwnerRepository;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the registry's compacted provision topic into the vacancies this service watches,
 * a poll's records in one transaction. Versions make it idempotent: a state not newer
 * than the one held changes nothing. It also remembers each provision's provider, whose
 * staff alone may see its alerts.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class ProvisionStateListener {

	private final ProvisionRepository provisions;

	private final ProvisionOwnerRepository owners;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	@KafkaListener(id = "provision-state", topics = "registry.provision-state.v1",
			groupId = "${spring.kafka.consumer.group-id:notifications}", batch = "true",
			containerPostProcessor = PollAcknowledgement.BEAN,
			properties = { UnhurriedFetch.MIN_BYTES, UnhurriedFetch.MAX_WAIT })
	public void on(List<ConsumerRecord<String, String>> records) {
		OneTransactionPerPoll.handle(this.transactions, records, this::fold);
	}

	private void fold(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			this.provisions.forget(record.key());
			log.info("Provision {} deleted: no more reminders for it", record.key());
			return;
		}
		ProvisionState state = EventRecords.read(this.json, record, ProvisionState.class, "provision state");
		if (state.provisionId() == null || state.vacancies() == null) {
			throw new UnreadableEvent("provision state without provisionId or vacancies", null);
		}
		if (this.provisions.newer(state.provisionId(), state.version())) {
			this.provisions.replace(state);
			if (state.providerId() != null) {
				this.owners.record(state.provisionId(), state.providerId());
			}
		}
		else if (state.providerId() != null) {
			// a replay of the compacted topic tells us the providers of provisions
			// seen before providers were kept
			this.owners.recordIfUnknown(state.provisionId(), state.providerId());
		}
	}

}
