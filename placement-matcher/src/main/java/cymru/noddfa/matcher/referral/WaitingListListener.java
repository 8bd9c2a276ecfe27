package cymru.noddfa.matcher.referral;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import cymru.noddfa.matcher.availability.ProvisionAvailabilityChanged;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every vacancy change re-checks the waiting referrals it could fit, off the consumer's
 * thread so the read model never waits for the waiting list, and once per provision
 * however many of its changes arrive while the re-check waits.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class WaitingListListener implements DisposableBean {

	private final RematchingWaitingReferrals rematching;

	private final ExecutorService executor = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("waiting-list").factory());

	/** Provisions whose re-check waits its turn: a change meanwhile needs no other. */
	private final Set<String> queued = ConcurrentHashMap.newKeySet();

	@EventListener
	void on(ProvisionAvailabilityChanged changed) {
		if (!this.queued.add(changed.provisionId())) {
			return;
		}
		this.executor.execute(() -> {
			// a change from here on queues another re-check, which will see it
			this.queued.remove(changed.provisionId());
			try {
				this.rematching.recheck(changed.provisionId());
			}
			catch (RuntimeException ex) {
				log.warn("Waiting referrals not re-checked for provision {} ({}); the next change re-checks them",
						changed.provisionId(), ex.getMessage());
			}
		});
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

}
