package cymru.noddfa.matcher.referral;

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
 * thread so the read model never waits for the waiting list.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class WaitingListListener implements DisposableBean {

	private final RematchingWaitingReferrals rematching;

	private final ExecutorService executor = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("waiting-list").factory());

	@EventListener
	void on(ProvisionAvailabilityChanged changed) {
		this.executor.execute(() -> {
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
