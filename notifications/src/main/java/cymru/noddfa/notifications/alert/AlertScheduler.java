package cymru.noddfa.notifications.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for unacknowledged alerts due to climb the rota. */
@Component
class AlertScheduler {

	private static final Logger log = LoggerFactory.getLogger(AlertScheduler.class);

	private final AlertPublisher alerts;

	AlertScheduler(AlertPublisher alerts) {
		this.alerts = alerts;
	}

	@Scheduled(fixedDelayString = "${noddfa.notifications.alerts.check-interval:1s}")
	void escalate() {
		try {
			while (this.alerts.escalateDue() == 100) {
				// a full batch: more may be due
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not escalate unacknowledged alerts ({}); trying again shortly", ex.getMessage());
		}
	}

}
