package cymru.noddfa.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The panels service's case events, produced onto the real topic, reach the region's
 * panel through the same contacts, rotas and subscriptions as every alert.
 */
class PanelCaseAlertsTest extends ServiceTest {

	static final String TOPIC = "panels.case-events.v1";

	@Autowired
	JdbcClient jdbc;

	@Test
	void an_overdue_funding_wait_alerts_the_regions_panel_once_per_event_in_english_and_welsh() {
		String region = region();
		String member = "panel-" + UUID.randomUUID() + "@panel.example";
		String otherPanel = "panel-" + UUID.randomUUID() + "@panel.example";
		contact(panel(region, member));
		contact(panel(region(), otherPanel));
		String referral = UUID.randomUUID().toString();
		UUID caseId = UUID.randomUUID();
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			as(identity.panel(region)).post()
				.uri("/v1/subscriptions")
				.header("Content-Type", "application/json")
				.body("""
						{"eventTypes": ["FundingWaitOverdue"], "channel": "WEBHOOK", "url": "%s"}
						""".formatted(receiver.url("/panel")))
				.exchange()
				.expectStatus()
				.isCreated();
			// the matcher told us the referral's reference when it was escalated
			UUID escalated = UUID.randomUUID();
			ReferralEvents.publish(escalated, "ReferralEscalated", referral,
					ReferralEvents.event(escalated, "ReferralEscalated", referral, region, region + "-0042", null));
			await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(member).size() == 1);

			UUID overdue = UUID.randomUUID();
			String event = fundingWaitOverdue(overdue, caseId, referral, region, 3);
			publish(overdue, "FundingWaitOverdue", caseId, referral, event);
			await().atMost(Duration.ofSeconds(30)).until(() -> funding(member) == 1);
			TestMail.Mail mail = TestMail.to(member)
				.stream()
				.filter((m) -> m.subject().contains("funding"))
				.findFirst()
				.orElseThrow();
			assertThat(mail.subject()).contains(region + "-0042").contains("3 days");
			assertThat(mail.body()).contains("Please agree who funds the placement")
				.contains("wedi aros 3 diwrnod heb gytundeb");
			await().atMost(Duration.ofSeconds(5))
				.until(() -> receiver.requestsTo("/panel")
					.stream()
					.anyMatch((r) -> overdue.toString().equals(r.header("ce-id"))));

			// the same event again (the broker is at-least-once) tells nobody twice
			publish(overdue, "FundingWaitOverdue", caseId, referral, event);
			UUID nextDay = UUID.randomUUID();
			publish(nextDay, "FundingWaitOverdue", caseId, referral,
					fundingWaitOverdue(nextDay, caseId, referral, region, 4));
			await().atMost(Duration.ofSeconds(10)).until(() -> funding(member) == 2);
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> funding(member) == 2 && receiver.requestsTo("/panel").size() == 2);
			assertThat(TestMail.to(otherPanel)).isEmpty();
		}
	}

	@Test
	void a_case_opened_for_an_out_of_region_request_asks_the_panel_to_acknowledge_and_an_escalation_adds_nothing() {
		String region = region();
		String member = "panel-" + UUID.randomUUID() + "@panel.example";
		contact(panel(region, member));
		String requested = UUID.randomUUID().toString();
		UUID requestedEvent = UUID.randomUUID();
		UUID requestedCase = UUID.randomUUID();
		publish(requestedEvent, "CaseOpened", requestedCase, requested,
				caseOpened(requestedEvent, requestedCase, requested, region, "OUT_OF_REGION_REQUESTED"));
		String escalated = UUID.randomUUID().toString();
		UUID escalatedEvent = UUID.randomUUID();
		UUID escalatedCase = UUID.randomUUID();
		publish(escalatedEvent, "CaseOpened", escalatedCase, escalated,
				caseOpened(escalatedEvent, escalatedCase, escalated, region, "ESCALATED"));

		await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(member).size() == 1);
		assertThat(TestMail.to(member).get(0).body()).contains("outside region " + region)
			.contains("y tu allan i ranbarth " + region)
			.contains("/v1/alerts/");
		as(identity.panel(region)).get()
			.uri("/v1/alerts?unacknowledged=true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.referralId == '%s')].needsAcknowledgement".formatted(requested))
			.isEqualTo(true)
			.jsonPath("$[?(@.referralId == '%s')]".formatted(escalated))
			.isEmpty();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from consumed_events where event_id = ?")
				.param(escalatedEvent)
				.query(Integer.class)
				.single() == 1);
	}

	private long funding(String address) {
		return TestMail.to(address).stream().filter((m) -> m.subject().contains("funding")).count();
	}

	private static void publish(UUID eventId, String type, UUID caseId, String referral, String json) {
		ReferralEvents.send(TOPIC, referral, json,
				Map.of("ce_specversion", "1.0", "ce_id", eventId.toString(), "ce_type",
						"cymru.noddfa.panels." + type + ".v1", "ce_source", "/noddfa/panels", "ce_time",
						Instant.now().toString(), "ce_subject", caseId.toString(), "content-type", "application/json"));
	}

	static String fundingWaitOverdue(UUID eventId, UUID caseId, String referral, String region, int days) {
		return """
				{"eventId": "%s", "type": "FundingWaitOverdue", "occurredAt": "%s", "caseId": "%s",
				 "caseVersion": 2, "referralId": "%s", "regionCode": "%s", "daysWaiting": %d}
				""".formatted(eventId, Instant.now(), caseId, referral, region, days);
	}

	static String caseOpened(UUID eventId, UUID caseId, String referral, String region, String because) {
		return """
				{"eventId": "%s", "type": "CaseOpened", "occurredAt": "%s", "caseId": "%s",
				 "caseVersion": 1, "referralId": "%s", "regionCode": "%s", "openedBecause": "%s"}
				""".formatted(eventId, Instant.now(), caseId, referral, region, because);
	}

	private static String panel(String region, String email) {
		return """
				{"name": "Panel member", "role": "PANEL", "regionCode": "%s",
				 "channels": [{"channel": "EMAIL", "address": "%s"}]}
				""".formatted(region, email);
	}

	private static String region() {
		return "PN" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26))
				+ (char) ('A' + (int) (Math.random() * 26));
	}

}
