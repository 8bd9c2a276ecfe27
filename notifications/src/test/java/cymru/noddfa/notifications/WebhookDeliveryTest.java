package cymru.noddfa.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhookDeliveryTest extends ServiceTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	WebhookReceiver receiver;

	@BeforeEach
	void receiver() {
		this.receiver = WebhookReceiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.close();
	}

	@Test
	void a_referral_event_reaches_the_webhook_within_two_seconds_signed_and_with_its_cloudevents_id() throws Exception {
		String secret = secretOf(subscribe(webhook("CTM", "[\"HoldPlaced\"]", "/provider")));
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();

		Instant published = Instant.now();
		ReferralEvents.publish(eventId, "HoldPlaced", referral,
				ReferralEvents.event(eventId, "HoldPlaced", referral, "CTM", "CTM-0042", "bridgend-hub"));

		await().atMost(Duration.ofSeconds(2)).until(() -> !this.receiver.requestsTo("/provider").isEmpty());
		assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(2));
		WebhookReceiver.Request request = this.receiver.requestsTo("/provider").get(0);
		assertThat(request.header("ce-id")).isEqualTo(eventId.toString());
		assertThat(request.header("Content-Type")).startsWith("application/json");
		String timestamp = request.header("X-Noddfa-Timestamp");
		assertThat(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond())).isLessThan(10);
		assertThat(request.header("X-Noddfa-Signature")).isEqualTo(hmac(secret, timestamp + "." + request.body()));
		String tampered = request.body().replace("CTM-0042", "CTM-0043");
		assertThat(request.header("X-Noddfa-Signature")).isNotEqualTo(hmac(secret, timestamp + "." + tampered));

		JsonNode message = this.json.readTree(request.body());
		assertThat(message.get("eventId").asString()).isEqualTo(eventId.toString());
		assertThat(message.get("eventType").asString()).isEqualTo("HoldPlaced");
		assertThat(message.get("referralId").asString()).isEqualTo(referral);
		assertThat(message.get("reference").asString()).isEqualTo("CTM-0042");
		assertThat(message.get("regionCode").asString()).isEqualTo("CTM");
		assertThat(message.get("occurredAt").asString()).isNotBlank();
		assertThat(message.at("/text/en").asString()).contains("CTM-0042").contains("accept or decline");
		assertThat(message.at("/text/cy").asString()).contains("CTM-0042").contains("Derbyniwch");

		JsonNode delivered = this.json
			.readTree(PeopleAlertsTest.deliveryEvent(referral, "NotificationDelivered").value());
		assertThat(delivered.get("sourceEventId").asString()).isEqualTo(eventId.toString());
		assertThat(delivered.get("channel").asString()).isEqualTo("WEBHOOK");
		assertThat(delivered.get("attempts").asInt()).isEqualTo(1);

		this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((metrics) -> assertThat(metrics).contains("noddfa_notifications_delivery_latency_seconds_count")
				.contains("noddfa_notifications_attempts_total{channel=\"WEBHOOK\",outcome=\"DELIVERED\"}"));
	}

	@Test
	void only_subscriptions_for_the_event_region_and_type_are_told() {
		subscribe(webhook("CTM", "[\"ReferralCreated\"]", "/ctm-created"));
		subscribe(webhook("GWE", "[\"ReferralCreated\"]", "/gwe-created"));
		subscribe(webhook("CTM", "[\"HoldPlaced\"]", "/ctm-holds"));
		subscribe(webhook(null, "[]", "/everything"));
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();

		ReferralEvents.publish(eventId, "ReferralCreated", referral,
				ReferralEvents.referralCreated(eventId, referral, "CTM", "CTM-0101"));

		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.receiver.requestsTo("/ctm-created").size() == 1 && this.receiver.requests()
				.stream()
				.anyMatch((r) -> r.path().equals("/everything") && eventId.toString().equals(r.header("ce-id"))));
		assertThat(this.receiver.requestsTo("/gwe-created")).isEmpty();
		assertThat(this.receiver.requestsTo("/ctm-holds")).isEmpty();
	}

	@Test
	void the_same_kafka_event_delivered_three_times_notifies_each_recipient_once() {
		subscribe(webhook("PB", "[\"MatchAvailable\"]", "/team"));
		subscribe(webhook("PB", "[]", "/panel"));
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();
		String event = ReferralEvents.event(eventId, "MatchAvailable", referral, "PB", "PB-7", "aber-unit");

		for (int i = 0; i < 3; i++) {
			ReferralEvents.publish(eventId, "MatchAvailable", referral, event);
		}

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.receiver.requestsTo("/team").size() == 1 && this.receiver.requestsTo("/panel").size() == 1
					&& consumed(eventId));
		// the duplicates were consumed and skipped: wait until the consumer has moved
		// past them
		String laterReferral = UUID.randomUUID().toString();
		UUID later = UUID.randomUUID();
		ReferralEvents.publish(later, "MatchAvailable", laterReferral,
				ReferralEvents.event(later, "MatchAvailable", laterReferral, "PB", "PB-8", "aber-unit"));
		await().atMost(Duration.ofSeconds(10)).until(() -> consumed(later));
		assertThat(
				this.receiver.requestsTo("/team").stream().filter((r) -> eventId.toString().equals(r.header("ce-id"))))
			.hasSize(1);
		assertThat(
				this.receiver.requestsTo("/panel").stream().filter((r) -> eventId.toString().equals(r.header("ce-id"))))
			.hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from deliveries where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void deliveries_of_a_referral_are_listed_with_status_attempts_and_cloudevents_id() {
		subscribe(webhook("WW", "[\"HoldAccepted\"]", "/ww"));
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();
		ReferralEvents.publish(eventId, "HoldAccepted", referral,
				ReferralEvents.event(eventId, "HoldAccepted", referral, "WW", "WW-3", "carmarthen"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.receiver.requestsTo("/ww").size() == 1);

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> this.http.get()
				.uri("/v1/notifications?referral={id}", referral)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.length()")
				.isEqualTo(1)
				.jsonPath("$[0].eventId")
				.isEqualTo(eventId.toString())
				.jsonPath("$[0].eventType")
				.isEqualTo("HoldAccepted")
				.jsonPath("$[0].reference")
				.isEqualTo("WW-3")
				.jsonPath("$[0].channel")
				.isEqualTo("WEBHOOK")
				.jsonPath("$[0].status")
				.isEqualTo("DELIVERED")
				.jsonPath("$[0].attempts")
				.isEqualTo(1)
				.jsonPath("$[0].attemptLog[0].outcome")
				.isEqualTo("DELIVERED")
				.jsonPath("$[0].attemptLog[0].httpStatus")
				.isEqualTo(204));
	}

	@Test
	void a_receiver_that_answers_with_errors_is_retried_until_it_takes_the_message() {
		subscribe(webhook("NWA", "[\"ReferralEscalated\"]", "/flaky"));
		this.receiver.answerWith(503);
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();
		ReferralEvents.publish(eventId, "ReferralEscalated", referral,
				ReferralEvents.event(eventId, "ReferralEscalated", referral, "NWA", "NWA-9", "none"));

		await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.requestsTo("/flaky").size() >= 2);
		this.receiver.answerWith(200);

		await().atMost(Duration.ofSeconds(15)).until(() -> "DELIVERED".equals(status(eventId)));
		int attempts = this.jdbc.sql("select attempts from deliveries where event_id = ?")
			.param(eventId)
			.query(Integer.class)
			.single();
		assertThat(attempts).isGreaterThanOrEqualTo(3);
		assertThat(this.jdbc.sql("""
				select count(*) from delivery_attempts a join deliveries d on d.id = a.delivery_id
				where d.event_id = ? and a.outcome = 'FAILED' and a.http_status = 503
				""").param(eventId).query(Long.class).single()).isEqualTo(attempts - 1);
	}

	private String status(UUID eventId) {
		return this.jdbc.sql("select status from deliveries where event_id = ?")
			.param(eventId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private boolean consumed(UUID eventId) {
		return this.jdbc.sql("select count(*) from consumed_events where event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() == 1;
	}

	private String webhook(String region, String types, String path) {
		return """
				{%s"eventTypes": %s, "channel": "WEBHOOK", "url": "%s"}
				""".formatted((region != null) ? "\"regionCode\": \"" + region + "\", " : "", types,
				this.receiver.url(path));
	}

	private String secretOf(String created) {
		return this.json.readTree(created).get("secret").asString();
	}

	static String hmac(String secret, String signed) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return "sha256=" + HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
	}

}
