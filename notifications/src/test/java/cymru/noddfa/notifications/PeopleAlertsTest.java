package cymru.noddfa.notifications;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cymru.noddfa.notifications.alert.AcknowledgementLinks;
import cymru.noddfa.testsupport.JsonSchemas;
import cymru.noddfa.testsupport.TestIdentity;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People, not systems: duty contacts and rotas, their channels in order, acknowledgement
 * and escalation. Escalation waits 4 s here.
 */
class PeopleAlertsTest extends ServiceTest {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_hold_request_reaches_the_providers_webhook_and_email_within_two_seconds() throws Exception {
		String provision = "unit-" + UUID.randomUUID();
		String email = "duty-" + UUID.randomUUID() + "@provider.example";
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			String secret = this.json.readTree(subscribe("""
					{"regionCode": "CTM", "provisionId": "%s", "eventTypes": ["HoldPlaced"], "channel": "WEBHOOK",
					 "url": "%s"}
					""".formatted(provision, receiver.url("/provider")))).get("secret").asString();
			subscribe("""
					{"regionCode": "CTM", "provisionId": "another-unit", "channel": "WEBHOOK", "url": "%s"}
					""".formatted(receiver.url("/another-provider")));
			contact(provider("Duty lead", provision, 1, email));
			UUID eventId = UUID.randomUUID();
			String referral = UUID.randomUUID().toString();

			Instant published = Instant.now();
			ReferralEvents.publish(eventId, "HoldPlaced", referral,
					ReferralEvents.event(eventId, "HoldPlaced", referral, "CTM", "CTM-0042", provision));

			await().atMost(Duration.ofSeconds(2))
				.until(() -> !TestMail.to(email).isEmpty()
						&& receiver.requests().stream().anyMatch((r) -> eventId.toString().equals(r.header("ce-id"))));
			assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(2));

			WebhookReceiver.Request hook = receiver.requests()
				.stream()
				.filter((r) -> eventId.toString().equals(r.header("ce-id")))
				.findFirst()
				.orElseThrow();
			String timestamp = hook.header("X-Noddfa-Timestamp");
			assertThat(hook.header("X-Noddfa-Signature"))
				.isEqualTo(WebhookDeliveryTest.hmac(secret, timestamp + "." + hook.body()))
				.isNotEqualTo(WebhookDeliveryTest.hmac(secret, timestamp + "." + hook.body().replace("CTM", "GWE")));

			assertThat(receiver.requestsTo("/another-provider")).isEmpty();

			TestMail.Mail mail = TestMail.to(email).get(0);
			assertThat(mail.subject()).contains("CTM-0042");
			assertThat(mail.body()).contains("Please accept or decline")
				.contains("Derbyniwch neu gwrthodwch")
				.contains("/v1/alerts/");
		}
	}

	@Test
	void an_unacknowledged_hold_request_goes_to_the_next_contact_and_then_the_team_lead() {
		String provision = "unit-" + UUID.randomUUID();
		String first = "first-" + UUID.randomUUID() + "@provider.example";
		String second = "second-" + UUID.randomUUID() + "@provider.example";
		String lead = "lead-" + UUID.randomUUID() + "@region.example";
		contact(provider("First on call", provision, 1, first));
		contact(provider("Second on call", provision, 2, second));
		contact("""
				{"name": "Team lead", "role": "TEAM_LEAD", "regionCode": "SEV",
				 "channels": [{"channel": "EMAIL", "address": "%s"}]}
				""".formatted(lead));
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();

		Instant published = Instant.now();
		ReferralEvents.publish(eventId, "HoldPlaced", referral,
				ReferralEvents.event(eventId, "HoldPlaced", referral, "SEV", "SEV-0007", provision));

		await().atMost(Duration.ofSeconds(3)).until(() -> TestMail.to(first).size() == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(second).size() == 1);
		// not before the escalation time has passed unacknowledged
		assertThat(Duration.between(published, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
		await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(lead).size() == 1);
		assertThat(Duration.between(published, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(8));
		assertThat(TestMail.to(lead).get(0).body()).contains("SEV-0007");

		// the whole rota and the lead have been told: it climbs no further
		await().during(Duration.ofSeconds(3))
			.atMost(Duration.ofSeconds(5))
			.until(() -> TestMail.to(first).size() == 1 && TestMail.to(second).size() == 1
					&& TestMail.to(lead).size() == 1);
	}

	@Test
	void the_signed_link_in_a_message_acknowledges_the_alert_and_stops_the_escalation() {
		String provision = "unit-" + UUID.randomUUID();
		String first = "first-" + UUID.randomUUID() + "@provider.example";
		String second = "second-" + UUID.randomUUID() + "@provider.example";
		String firstId = contact(provider("First on call", provision, 1, first));
		contact(provider("Second on call", provision, 2, second));
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();
		ReferralEvents.publish(eventId, "HoldPlaced", referral,
				ReferralEvents.event(eventId, "HoldPlaced", referral, "HDD", "HDD-0011", provision));
		await().atMost(Duration.ofSeconds(3)).until(() -> TestMail.to(first).size() == 1);

		Matcher link = Pattern
			.compile("http://127\\.0\\.0\\.1/api/notifications(/v1/alerts/([0-9a-f-]{36})/acknowledge\\?\\S+)")
			.matcher(TestMail.to(first).get(0).body());
		assertThat(link.find()).isTrue();
		String path = link.group(1);
		String alertId = link.group(2);
		assertThat(path).contains("contact=" + firstId);

		// the signed link needs no token: its signature is its authorisation
		anonymous().get()
			.uri(path.replace("sig=", "sig=x"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("sig");
		anonymous().get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((page) -> assertThat(page).contains("HDD-0011")
				.contains("method=\"post\"")
				.contains("Cydnabod")
				// the form posts where the page was opened: the public address, through
				// the
				// gateway
				.contains("action=\"http://127.0.0.1/api/notifications/v1/alerts/" + alertId + "/acknowledge?contact="
						+ firstId + "&amp;exp="));
		this.http.get()
			.uri("/v1/alerts/{id}", alertId)
			.exchange()
			.expectBody()
			.jsonPath("$.acknowledgedAt")
			.doesNotExist();
		anonymous().post().uri(path).exchange().expectStatus().isOk();

		this.http.get()
			.uri("/v1/alerts/{id}", alertId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.acknowledgedBy")
			.isEqualTo("contact:" + firstId)
			.jsonPath("$.eventId")
			.isEqualTo(eventId.toString())
			.jsonPath("$.nextEscalationAt")
			.doesNotExist();
		await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> TestMail.to(second).isEmpty());

		ConsumerRecord<String, String> acknowledged = deliveryEvent(referral, "NotificationAcknowledged");
		JsonNode event = this.json.readTree(acknowledged.value());
		assertThat(event.get("alertId").asString()).isEqualTo(alertId);
		assertThat(event.get("sourceEventId").asString()).isEqualTo(eventId.toString());
		assertThat(event.get("acknowledgedBy").asString()).isEqualTo("contact:" + firstId);
		assertThat(new String(acknowledged.headers().lastHeader("ce_source").value(), StandardCharsets.UTF_8))
			.isEqualTo("/noddfa/notifications");
	}

	@Test
	void an_expired_link_is_gone_in_english_and_welsh_and_acknowledges_nothing() {
		String provision = "unit-" + UUID.randomUUID();
		String email = "duty-" + UUID.randomUUID() + "@provider.example";
		String contactId = contact(provider("Duty", provision, 1, email));
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();
		ReferralEvents.publish(eventId, "HoldPlaced", referral,
				ReferralEvents.event(eventId, "HoldPlaced", referral, "CTM", "CTM-0999", provision));
		await().atMost(Duration.ofSeconds(3)).until(() -> TestMail.to(email).size() == 1);
		String alertId = this.jdbc.sql("select id from alerts where event_id = ?")
			.param(eventId)
			.query(String.class)
			.single();
		String base = "http://127.0.0.1/api/notifications";
		String link = new AcknowledgementLinks(base, "test-link-key", Duration.ofHours(24))
			.url(UUID.fromString(alertId), UUID.fromString(contactId), Instant.now().minus(Duration.ofHours(25)));
		String path = link.substring(base.length());

		anonymous().get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://noddfa.cymru/problems/acknowledgement-link-expired")
			.jsonPath("$.field")
			.isEqualTo("exp")
			.jsonPath("$.title")
			.isEqualTo("Link expired");
		anonymous().post()
			.uri(path)
			.header("Accept-Language", "cy")
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Dolen wedi dod i ben");
		// a later expiry written into a genuine link breaks its signature
		anonymous().get()
			.uri(path.replaceAll("exp=\\d+", "exp=" + Instant.now().plus(Duration.ofHours(1)).getEpochSecond()))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.get()
			.uri("/v1/alerts/{id}", alertId)
			.exchange()
			.expectBody()
			.jsonPath("$.acknowledgedAt")
			.doesNotExist();
	}

	@Test
	void an_alert_is_acknowledged_through_the_api_once_in_the_name_of_the_tokens_subject() {
		String provision = "unit-" + UUID.randomUUID();
		String provider = "provider-" + UUID.randomUUID();
		String email = "duty-" + UUID.randomUUID() + "@provider.example";
		ReferralEvents.provisionState(provision, 1, provider, "PBB", Instant.now());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select count(*) from provision_owners where provision_id = ?")
				.param(provision)
				.query(Integer.class)
				.single() == 1);
		contact(provider("Duty", provision, 1, email));
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();
		ReferralEvents.publish(eventId, "HoldPlaced", referral,
				ReferralEvents.event(eventId, "HoldPlaced", referral, "PBB", "PBB-0001", provision));
		await().atMost(Duration.ofSeconds(3)).until(() -> TestMail.to(email).size() == 1);
		String alertId = this.jdbc.sql("select id from alerts where event_id = ?")
			.param(eventId)
			.query(String.class)
			.single();

		as(identity.token(TestIdentity.Caller.provider(provider).as("shift-lead-7"))).post()
			.uri("/v1/alerts/{id}/acknowledgement", alertId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.acknowledgedBy")
			.isEqualTo("shift-lead-7");
		as(identity.token(TestIdentity.Caller.provider(provider).as("someone-else"))).post()
			.uri("/v1/alerts/{id}/acknowledgement", alertId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.acknowledgedBy")
			.isEqualTo("shift-lead-7");
		as(identity.provider(provider)).get()
			.uri("/v1/alerts?unacknowledged=true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '%s')]".formatted(alertId))
			.isEmpty();
		as(identity.provider(provider)).get()
			.uri("/v1/alerts")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.id == '%s')].acknowledgedBy".formatted(alertId))
			.isEqualTo("shift-lead-7");
	}

	@Test
	void a_text_message_goes_through_notify_with_a_signed_token() throws Exception {
		String phone = "+4477009" + (10000 + (int) (Math.random() * 89999));
		String team = "CAV" + (char) ('A' + (int) (Math.random() * 26));
		contact("""
				{"name": "On call", "role": "CRISIS_TEAM", "regionCode": "%s",
				 "channels": [{"channel": "SMS", "address": "%s"}]}
				""".formatted(team, phone));
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();
		ReferralEvents.publish(eventId, "MatchAvailable", referral,
				ReferralEvents.event(eventId, "MatchAvailable", referral, team, "CAV-0100", "cardiff-unit"));

		await().atMost(Duration.ofSeconds(3)).until(() -> NotifyStub.get().callsTo(phone).size() == 1);
		NotifyStub.Call call = NotifyStub.get().callsTo(phone).get(0);
		assertThat(call.path()).isEqualTo("/v2/notifications/sms");
		assertThat(call.body().get("template_id").asString()).isEqualTo("0a0b0c0d-0000-4000-8000-000000000001");
		assertThat(call.body().at("/personalisation/body").asString()).contains("CAV-0100")
			.contains("mae gwely addas yn rhydd nawr");
		String[] jwt = call.authorization().substring("Bearer ".length()).split("\\.");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(NotifyStub.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		assertThat(Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(mac.doFinal((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.UTF_8)))).isEqualTo(jwt[2]);
		JsonNode claims = this.json.readTree(Base64.getUrlDecoder().decode(jwt[1]));
		assertThat(claims.get("iss").asString()).isEqualTo(NotifyStub.SERVICE_ID);
		assertThat(Math.abs(claims.get("iat").asLong() - Instant.now().getEpochSecond())).isLessThan(30);
	}

	@Test
	void a_failing_channel_falls_through_to_the_next_and_the_last_one_dead_letters() {
		String region = "FT" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26));
		String phone = "+4477008" + (10000 + (int) (Math.random() * 89999));
		String email = "fallback-" + UUID.randomUUID() + "@team.example";
		String lonelyPhone = "+4477007" + (10000 + (int) (Math.random() * 89999));
		NotifyStub.get().answer(phone, 500);
		NotifyStub.get().answer(lonelyPhone, 500);
		contact("""
				{"name": "On call", "role": "CRISIS_TEAM", "regionCode": "%s", "rotaPosition": 1,
				 "channels": [{"channel": "SMS", "address": "%s"}, {"channel": "EMAIL", "address": "%s"}]}
				""".formatted(region, phone, email));
		UUID eventId = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();
		ReferralEvents.publish(eventId, "HoldDeclined", referral,
				ReferralEvents.event(eventId, "HoldDeclined", referral, region, "FT-1", "some-unit"));

		await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(email).size() == 1);
		assertThat(NotifyStub.get().callsTo(phone)).hasSize(2);
		// the email is out; its attempt is recorded just after
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			List<Map<String, Object>> rows = this.jdbc
				.sql("select channel, status, attempts from deliveries where event_id = ? order by created_at")
				.param(eventId)
				.query()
				.listOfRows();
			assertThat(rows).extracting((r) -> r.get("channel") + ":" + r.get("status") + ":" + r.get("attempts"))
				.containsExactly("SMS:DEAD:2", "EMAIL:DELIVERED:1");
		});

		// a person with one channel that keeps failing: dead-lettered, and said so
		String region2 = region + "X";
		contact("""
				{"name": "Only SMS", "role": "CRISIS_TEAM", "regionCode": "%s",
				 "channels": [{"channel": "SMS", "address": "%s"}]}
				""".formatted(region2, lonelyPhone));
		UUID lonelyEvent = UUID.randomUUID();
		String lonelyReferral = UUID.randomUUID().toString();
		ReferralEvents.publish(lonelyEvent, "HoldExpired", lonelyReferral,
				ReferralEvents.event(lonelyEvent, "HoldExpired", lonelyReferral, region2, "FT-2", "some-unit"));
		ConsumerRecord<String, String> dead = deliveryEvent(lonelyReferral, "NotificationDeadLettered");
		assertThat(this.json.readTree(dead.value()).get("channel").asString()).isEqualTo("SMS");
		this.http.get()
			.uri("/v1/notifications?referral={id}", lonelyReferral)
			.exchange()
			.expectBody()
			.jsonPath("$[0].status")
			.isEqualTo("DEAD")
			.jsonPath("$[0].attemptLog.length()")
			.isEqualTo(2)
			.jsonPath("$[0].attemptLog[0].httpStatus")
			.isEqualTo(500);
	}

	@Test
	void in_quiet_hours_only_alerts_that_need_action_are_sent_and_the_rest_wait() {
		LocalTime now = LocalTime.now(ZoneId.of("Europe/London"));
		String quiet = """
				"quietHours": {"from": "%s", "to": "%s"}""".formatted(now.minusHours(1).withNano(0).withSecond(0),
				now.plusHours(1).withNano(0).withSecond(0));
		String region = "QH" + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26));
		String provision = "unit-" + UUID.randomUUID();
		String team = "team-" + UUID.randomUUID() + "@team.example";
		String duty = "duty-" + UUID.randomUUID() + "@provider.example";
		contact("""
				{"name": "On call", "role": "CRISIS_TEAM", "regionCode": "%s",
				 "channels": [{"channel": "EMAIL", "address": "%s"}], %s}
				""".formatted(region, team, quiet));
		contact("""
				{"name": "Duty", "role": "PROVIDER", "regionCode": "%s", "provisionId": "%s",
				 "channels": [{"channel": "EMAIL", "address": "%s"}], %s}
				""".formatted(region, provision, duty, quiet));

		UUID hold = UUID.randomUUID();
		String referral = UUID.randomUUID().toString();
		ReferralEvents.publish(hold, "HoldPlaced", referral,
				ReferralEvents.event(hold, "HoldPlaced", referral, region, "QH-1", provision));
		UUID match = UUID.randomUUID();
		ReferralEvents.publish(match, "MatchAvailable", referral,
				ReferralEvents.event(match, "MatchAvailable", referral, region, "QH-1", provision));

		await().atMost(Duration.ofSeconds(5)).until(() -> TestMail.to(duty).size() == 1);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.jdbc.sql("select count(*) from deliveries where event_id = ?")
				.param(match)
				.query(Long.class)
				.single() == 1);
		Instant due = this.jdbc.sql("select next_attempt_at from deliveries where event_id = ?")
			.param(match)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(due).isBetween(Instant.now().plus(Duration.ofMinutes(55)),
				Instant.now().plus(Duration.ofMinutes(61)));
		assertThat(TestMail.to(team)).isEmpty();
	}

	private static String provider(String name, String provision, int position, String email) {
		return """
				{"name": "%s", "role": "PROVIDER", "regionCode": "CTM", "provisionId": "%s", "rotaPosition": %d,
				 "channels": [{"channel": "EMAIL", "address": "%s"}]}
				""".formatted(name, provision, position, email);
	}

	static ConsumerRecord<String, String> deliveryEvent(String key, String type) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"), "group.id",
						"test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("notifications.delivery-events.v1"));
			ConsumerRecord<String, String>[] found = new ConsumerRecord[1];
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())
							&& new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)
								.equals("cymru.noddfa.notifications." + type + ".v1")) {
						found[0] = record;
					}
				}
				return found[0] != null;
			});
			assertThat(JsonSchemas.violations(
					JsonSchemas
						.load(Path.of("src/main/resources/contracts/notifications.delivery-events.v1.schema.json")),
					found[0].value()))
				.as("the event keeps its published contract")
				.isEmpty();
			return found[0];
		}
	}

}
