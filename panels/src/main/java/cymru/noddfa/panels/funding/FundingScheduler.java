package cymru.noddfa.panels.funding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cymru.noddfa.panels.PanelsProperties;
import cymru.noddfa.panels.casework.CaseEvent;
import cymru.noddfa.panels.casework.CaseEventsPublisher;
import cymru.noddfa.panels.casework.CasesRepository;
import cymru.noddfa.panels.casework.PanelCase;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The funding limbo clock: every case that has waited past the threshold for a joint
 * funding agreement is announced ({@code FundingWaitOverdue}, which the notifications
 * service turns into an alert to the region's panel) at most once per calendar day in
 * Wales, until funding is agreed or the case is closed. The day's claim and the event are
 * one transaction, so a crash between them announces again rather than never.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class FundingScheduler {

	static final ZoneId WALES = ZoneId.of("Europe/London");

	private final CasesRepository cases;

	private final FundingAlertsRepository alerts;

	private final CaseEventsPublisher publisher;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final PanelsProperties properties;

	@Scheduled(fixedDelayString = "${noddfa.panels.funding.check-interval:15m}", initialDelayString = "10s")
	void check() {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.ofInstant(now, WALES);
		int announced = 0;
		for (PanelCase waiting : this.cases.waitingForFunding()) {
			if (waiting.fundingOverdue(now, this.properties.funding().threshold())) {
				long days = waiting.daysWaitingForFunding(now);
				Boolean first = this.transactions.execute((tx) -> {
					// agreed or closed since the list was read: the case's lock decides
					PanelCase current = this.cases.lock(waiting.id()).orElse(null);
					if (current == null || !current.fundingOverdue(now, this.properties.funding().threshold())
							|| !this.alerts.claim(waiting.id(), today, days)) {
						return false;
					}
					this.publisher.publish(CaseEvent.FundingWaitOverdue.of(current, days, now));
					return true;
				});
				if (Boolean.TRUE.equals(first)) {
					announced++;
					log.warn(
							"Case {} of region {} has waited {} days for a joint funding agreement; its panel is "
									+ "alerted today and again each day until funding is agreed",
							waiting.id(), waiting.region(), days);
				}
			}
		}
		if (announced > 0) {
			log.info("Funding clock: {} overdue cases announced for {}", announced, today);
		}
	}

}
