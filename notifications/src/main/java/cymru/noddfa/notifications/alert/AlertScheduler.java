package cymru.noddfa.notifications.alert;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for unacknowledged alerts due to climb the rota. */
@Component
@RequiredArgsConstructor
@Slf4j
class AlertScheduler {

	private final AlertPublisher alerts;

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
