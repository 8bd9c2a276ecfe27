package cymru.noddfa.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class VacancyRemindersTest extends ServiceTest {

	@Test
	void a_provider_is_asked_once_to_confirm_vacancies_unconfirmed_past_their_window() {
		String provision = "hub-" + UUID.randomUUID();
		String email = "duty-" + UUID.randomUUID() + "@provider.example";
		contact("""
				{"name": "Shift lead", "role": "PROVIDER", "regionCode": "CTM", "provisionId": "%s",
				 "channels": [{"channel": "EMAIL", "address": "%s"}]}
				""".formatted(provision, email));
		Instant stale = Instant.now().minus(13, ChronoUnit.HOURS);

		publish(provision, 3, stale);

		await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(email).size() == 1);
		TestMail.Mail mail = TestMail.to(email).get(0);
		assertThat(mail.body()).contains("Bridgend Integrated Residential Hub")
			.contains("please confirm that your crisis vacancies are still accurate")
			.contains("cadarnhewch fod eich lleoedd gwag argyfwng yn dal yn gywir")
			.contains("13 hours");

		// the same state again, and a newer one with the same confirmation: no second
		// reminder
		publish(provision, 3, stale);
		publish(provision, 4, stale);
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> TestMail.to(email).size() == 1);
	}

	@Test
	void a_confirmed_vacancy_or_an_outdated_state_raises_no_reminder() {
		String provision = "hub-" + UUID.randomUUID();
		String email = "duty-" + UUID.randomUUID() + "@provider.example";
		contact("""
				{"name": "Shift lead", "role": "PROVIDER", "regionCode": "CTM", "provisionId": "%s",
				 "channels": [{"channel": "EMAIL", "address": "%s"}]}
				""".formatted(provision, email));

		publish(provision, 5, Instant.now().minus(1, ChronoUnit.HOURS));
		// an older version arriving late says the vacancy is stale: it is ignored
		publish(provision, 4, Instant.now().minus(20, ChronoUnit.HOURS));

		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> TestMail.to(email).isEmpty());
	}

	private static void publish(String provision, long version, Instant confirmedAt) {
		ReferralEvents.provisionState(provision, version, "ctm-partnership", "CTM", confirmedAt);
	}

}
