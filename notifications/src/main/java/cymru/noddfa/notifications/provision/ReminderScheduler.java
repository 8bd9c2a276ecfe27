package cymru.noddfa.notifications.provision;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cymru.noddfa.notifications.alert.AlertPublisher;
import cymru.noddfa.notifications.alert.Audience;
import cymru.noddfa.notifications.delivery.Notification;
import cymru.noddfa.notifications.message.Templates;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks a provider to confirm vacancies that have gone unconfirmed past the provision's
 * window: unconfirmed vacancies rank below confirmed ones in every search, so a stale one
 * costs the provider referrals and the teams a true picture.
 */
@Component
@RequiredArgsConstructor
@Slf4j
class ReminderScheduler {

	static final String TYPE = "VacancyUnconfirmed";

	private final ProvisionRepository provisions;

	private final AlertPublisher alerts;

	private final Templates templates;

	private final TransactionTemplate transactions;

	private final Clock clock;

	@Scheduled(fixedDelayString = "${noddfa.notifications.reminders.check-interval:1m}")
	void remind() {
		try {
			Integer sent;
			do {
				sent = this.transactions.execute((tx) -> remindBatch());
			}
			while (sent != null && sent == 100);
		}
		catch (RuntimeException ex) {
			log.warn("Could not check for unconfirmed vacancies ({}); trying again at the next check", ex.getMessage());
		}
	}

	private int remindBatch() {
		Instant now = this.clock.instant();
		List<ProvisionRepository.Unconfirmed> due = this.provisions.unconfirmed(now, 100);
		for (ProvisionRepository.Unconfirmed vacancy : due) {
			long hours = Duration.between(vacancy.confirmedAt(), now).toHours();
			// one id per provision, bed type and confirmation: a repeat raises nothing
			UUID eventId = UUID.nameUUIDFromBytes(
					(TYPE + ":" + vacancy.provisionId() + ":" + vacancy.bedType() + ":" + vacancy.confirmedAt())
						.getBytes(StandardCharsets.UTF_8));
			Notification notification = new Notification(eventId, TYPE, null, null, vacancy.regionCode(),
					vacancy.provisionId(), now, this.templates.render(TYPE, vacancy.provisionName(),
							new Templates.Label("bed-type." + vacancy.bedType()), hours));
			this.alerts.raise(notification, Audience.of(TYPE));
			this.provisions.reminded(vacancy);
			log.info("Provision {} {} vacancies unconfirmed for {} h: provider reminded", vacancy.provisionId(),
					vacancy.bedType(), hours);
		}
		return due.size();
	}

}
