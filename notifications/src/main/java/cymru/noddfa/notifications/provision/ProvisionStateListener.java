package cymru.noddfa.notifications.provision;

import cymru.noddfa.kit.events.EventRecords;
import cymru.noddfa.kit.events.UnhurriedFetch;
import cymru.noddfa.kit.events.UnreadableEvent;
import cymru.noddfa.notifications.tenancy.ProvisionOwnerRepository;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the registry's compacted provision topic into the vacancies this service watches.
 * Versions make it idempotent: a state not newer than the one held changes nothing. It
 * also remembers each provision's provider, whose staff alone may see its alerts.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class ProvisionStateListener {

	private final ProvisionRepository provisions;

	private final ProvisionOwnerRepository owners;

	private final JsonMapper json;

	@KafkaListener(id = "provision-state", topics = "registry.provision-state.v1",
			groupId = "${spring.kafka.consumer.group-id:notifications}",
			properties = { UnhurriedFetch.MIN_BYTES, UnhurriedFetch.MAX_WAIT })
	@Transactional
	public void on(ConsumerRecord<String, String> record) {
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
