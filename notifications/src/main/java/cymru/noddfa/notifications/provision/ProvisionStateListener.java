package cymru.noddfa.notifications.provision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * a poll's records in one transaction of a few statements. Versions make it idempotent: a
 * state not newer than the one held changes nothing. It also remembers each provision's
 * provider, whose staff alone may see its alerts.
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
		List<ProvisionState> states = statesOnly(records);
		if (states != null) {
			try {
				this.transactions.executeWithoutResult((tx) -> foldTogether(states));
				return;
			}
			catch (RuntimeException ex) {
				log.debug("Provision states not folded together ({}); folding them one by one", ex.getMessage());
			}
		}
		// a deletion, a record that cannot be read, or a failure: record by record, so
		// the one at fault is named
		OneTransactionPerPoll.handle(this.transactions, records, this::fold);
	}

	/**
	 * The poll's states, or null when it holds a deletion or a record that cannot be
	 * read.
	 */
	private List<ProvisionState> statesOnly(List<ConsumerRecord<String, String>> records) {
		List<ProvisionState> states = new ArrayList<>(records.size());
		for (ConsumerRecord<String, String> record : records) {
			if (record.value() == null) {
				return null;
			}
			try {
				states.add(read(record));
			}
			catch (RuntimeException ex) {
				return null;
			}
		}
		return states;
	}

	/**
	 * A poll's states in a few statements, ending as if each had been taken in turn: a
	 * state newer than the one held replaces the provision's vacancies and names its
	 * provider; an older one changes nothing, but names the provider of a provision whose
	 * provider is not known yet (a replay of the compacted topic, from before providers
	 * were kept). Of several states of one provision only the newest is folded, and its
	 * provider is worked out in the poll's order.
	 */
	void foldTogether(List<ProvisionState> states) {
		Map<String, ProvisionState> newest = new LinkedHashMap<>();
		states.forEach((state) -> newest.merge(state.provisionId(), state,
				(held, next) -> (next.version() > held.version()) ? next : held));
		Map<String, Long> seen = new HashMap<>(this.provisions.versions(newest.keySet()));
		Map<String, String> owners = new LinkedHashMap<>();
		Map<String, String> ownersIfUnknown = new LinkedHashMap<>();
		for (ProvisionState state : states) {
			boolean newer = state.version() > seen.getOrDefault(state.provisionId(), 0L);
			if (newer) {
				seen.put(state.provisionId(), state.version());
			}
			if (state.providerId() == null) {
				continue;
			}
			if (newer) {
				owners.put(state.provisionId(), state.providerId());
			}
			else {
				ownersIfUnknown.putIfAbsent(state.provisionId(), state.providerId());
			}
		}
		// a provider recorded outright makes every "if unknown" of its provision moot
		owners.keySet().forEach(ownersIfUnknown::remove);
		List<ProvisionState> folded = List.copyOf(newest.values());
		Set<String> taken = this.provisions.newer(folded);
		this.provisions.replace(folded.stream().filter((state) -> taken.contains(state.provisionId())).toList());
		this.owners.record(owners);
		this.owners.recordIfUnknown(ownersIfUnknown);
	}

	private ProvisionState read(ConsumerRecord<String, String> record) {
		ProvisionState state = EventRecords.read(this.json, record, ProvisionState.class, "provision state");
		if (state.provisionId() == null || state.vacancies() == null) {
			throw new UnreadableEvent("provision state without provisionId or vacancies", null);
		}
		return state;
	}

	/** One record on its own: a deletion, or a poll of one state. */
	void fold(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			this.provisions.forget(record.key());
			log.info("Provision {} deleted: no more reminders for it", record.key());
			return;
		}
		foldTogether(List.of(read(record)));
	}

}
