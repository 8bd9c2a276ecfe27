package cymru.noddfa.matcher.referral;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import cymru.noddfa.matcher.availability.ProvisionAvailabilityChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every vacancy change re-checks the waiting referrals it could fit, off the consumer's
 * thread so the read model never waits for the waiting list.
 */
@Component
class WaitingListListener implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WaitingListListener.class);

	private final RematchingWaitingReferrals rematching;

	private final ExecutorService executor = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("waiting-list").factory());

	WaitingListListener(RematchingWaitingReferrals rematching) {
		this.rematching = rematching;
	}

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
