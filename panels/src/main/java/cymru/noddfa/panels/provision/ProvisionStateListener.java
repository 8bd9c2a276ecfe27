package cymru.noddfa.panels.provision;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import cymru.noddfa.kit.events.EventRecords;
import cymru.noddfa.kit.events.OneTransactionPerPoll;
import cymru.noddfa.kit.events.PollAcknowledgement;
import cymru.noddfa.kit.events.UnhurriedFetch;
import cymru.noddfa.kit.events.UnreadableEvent;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the registry's compacted provision topic into the panel's small copy: id, name,
 * region, status and bed types, a poll's records in one transaction. Versions make it
 * idempotent.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class ProvisionStateListener {

	private final ProvisionsRepository provisions;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	@KafkaListener(id = "provision-state", topics = "registry.provision-state.v1",
			groupId = "${spring.kafka.consumer.group-id:panels}", batch = "true",
			containerPostProcessor = PollAcknowledgement.BEAN,
			properties = { UnhurriedFetch.MIN_BYTES, UnhurriedFetch.MAX_WAIT })
	public void on(List<ConsumerRecord<String, String>> records) {
		OneTransactionPerPoll.handle(this.transactions, records, this::fold);
	}

	private void fold(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			this.provisions.forget(record.key());
			log.info("Provision {} deleted: it can no longer be approved", record.key());
			return;
		}
		ProvisionState state = EventRecords.read(this.json, record, ProvisionState.class, "provision state");
		if (state.provisionId() == null || state.regionCode() == null || state.status() == null
				|| state.vacancies() == null) {
			throw new UnreadableEvent("provision state without provisionId, regionCode, status or vacancies", null);
		}
		this.provisions.keep(new KnownProvision(state.provisionId(), state.version(),
				(state.name() != null) ? state.name() : state.provisionId(), state.regionCode(), state.status(),
				state.vacancies().stream().map(Vacancy::bedType).toList()));
	}

	/**
	 * The fields of a {@code registry.provision-state.v1} value this service reads; the
	 * registry owns the contract.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ProvisionState(String provisionId, long version, String name, String regionCode, String status,
			List<Vacancy> vacancies) {

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Vacancy(String bedType) {

	}

}
