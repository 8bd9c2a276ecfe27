package cymru.noddfa.panels.decision;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.panels.casework.CaseEvent;
import cymru.noddfa.panels.casework.CaseEventsPublisher;
import cymru.noddfa.panels.casework.CaseId;
import cymru.noddfa.panels.casework.CaseNotFound;
import cymru.noddfa.panels.casework.CasesRepository;
import cymru.noddfa.panels.casework.Decision;
import cymru.noddfa.panels.casework.DecisionRequest;
import cymru.noddfa.panels.casework.DecisionType;
import cymru.noddfa.panels.casework.DecisionsRepository;
import cymru.noddfa.panels.casework.InvalidDecision;
import cymru.noddfa.panels.casework.NotYourCase;
import cymru.noddfa.panels.casework.PanelCase;
import cymru.noddfa.panels.provision.KnownProvision;
import cymru.noddfa.panels.provision.ProvisionsRepository;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recording a panel's decision is one transaction: lock the case, check that the caller
 * is its region's panel and that an approved provision exists and is open, let the case
 * decide, append the decision, write the case and its {@code DecisionRecorded} event
 * (through the outbox), commit. Any refusal leaves nothing written.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class DecisionStore {

	private final TransactionTemplate transactions;

	private final CasesRepository cases;

	private final DecisionsRepository decisions;

	private final ProvisionsRepository provisions;

	private final CaseEventsPublisher publisher;

	private final Clock clock;

	Decision record(CaseId caseId, DecisionRequest request, Caller caller) {
		Decision decision = this.transactions.execute((tx) -> {
			PanelCase decided = this.cases.lock(caseId).orElseThrow(() -> new CaseNotFound(caseId));
			if (!caller.isPanelOf(decided.region().value())) {
				throw new NotYourCase("id");
			}
			if (request.type() == DecisionType.APPROVE_OUT_OF_REGION && request.provisionId() != null) {
				KnownProvision provision = this.provisions.find(request.provisionId())
					.orElseThrow(() -> new InvalidDecision("provisionId", "provision-unknown"));
				if (provision.isClosed()) {
					throw new InvalidDecision("provisionId", "provision-closed");
				}
			}
			Decision made = decided.record(request, caller.subject(),
					this.clock.instant().truncatedTo(ChronoUnit.MILLIS), this.decisions.ofCase(caseId));
			this.decisions.append(made);
			this.cases.update(decided);
			this.publisher.publish(CaseEvent.DecisionRecorded.of(decided, made));
			return made;
		});
		log.info("Case {}: decision {} ({}) recorded by {}", caseId, decision.id(), decision.type(),
				decision.decidedBy());
		return decision;
	}

}
