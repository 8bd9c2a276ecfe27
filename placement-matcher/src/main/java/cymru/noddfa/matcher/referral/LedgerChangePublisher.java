package cymru.noddfa.matcher.referral;

import java.util.List;

import cymru.noddfa.matcher.availability.LedgerRow;
import cymru.noddfa.matcher.availability.ProvisionMirror;
import cymru.noddfa.matcher.availability.ProvisionAvailabilityChanged;
import cymru.noddfa.matcher.availability.ReadModelUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells Redis what the bed ledger now says, once the transaction that changed it has
 * committed: Redis only mirrors, it never decides a hold. A bed that came back is also
 * announced, so waiting referrals may be matched to it.
 */
@Component
record LedgerChangePublisher(ProvisionMirror availability, ApplicationEventPublisher applicationEvents) {

	private static final Logger log = LoggerFactory.getLogger(LedgerChangePublisher.class);

	/** A bed was taken (held or occupied). */
	void taken(LedgerRow row) {
		afterCommit(() -> mirror(row));
	}

	/** A held bed came back: waiting referrals may fit it now. */
	void returned(LedgerRow row) {
		afterCommit(() -> {
			mirror(row);
			if (row.free() > 0) {
				this.applicationEvents.publishEvent(new ProvisionAvailabilityChanged(row.provisionId()));
			}
		});
	}

	private void mirror(LedgerRow row) {
		try {
			this.availability.mirror(List.of(row));
		}
		catch (ReadModelUnavailable ex) {
			// Redis only mirrors; the reconcile restores these figures from the ledger
			log.warn("Could not mirror the ledger row of provision {} to Redis; the read model's reconcile writes it "
					+ "again within noddfa.matcher.read-model.reconcile-period", row.provisionId());
		}
	}

	private static void afterCommit(Runnable task) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			task.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				task.run();
			}
		});
	}

}
