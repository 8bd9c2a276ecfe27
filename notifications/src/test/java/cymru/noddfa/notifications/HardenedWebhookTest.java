package cymru.noddfa.notifications;

import java.time.Duration;
import java.util.UUID;

import cymru.noddfa.testsupport.TestIdentity;
import cymru.noddfa.testsupport.WithInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as it runs outside the local stack: https only, an allow-list of hosts, and
 * nothing inside our own network. It has its own database, so its deliveries are never
 * picked up by the local-stack configuration of the other tests.
 */
@WithInfrastructure(database = "notifications_hardened")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "noddfa.notifications.webhooks.allow-private-addresses=false",
				"noddfa.notifications.webhooks.allowed-hosts=*.noddfa.test,localhost,127.0.0.1",
				"noddfa.notifications.delivery.poll-interval=100ms",
				"noddfa.notifications.delivery.initial-backoff=250ms", "noddfa.notifications.delivery.max-attempts=2",
				"spring.kafka.consumer.group-id=notifications-hardened",
				"noddfa.notifications.secrets.keyset=" + ServiceTest.KEYSET })
class HardenedWebhookTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0} is refused: {1}")
	@CsvSource(textBlock = """
			https://127.0.0.1/hook,                    PRIVATE_ADDRESS
			https://localhost/hook,                    PRIVATE_ADDRESS
			https://10.1.2.3/hook,                     HOST_NOT_ALLOWED
			https://private.noddfa.test/hook,          PRIVATE_ADDRESS
			https://link-local.noddfa.test/hook,       PRIVATE_ADDRESS
			https://metadata.noddfa.test/hook,         PRIVATE_ADDRESS
			https://v6-loopback.noddfa.test/hook,      PRIVATE_ADDRESS
			http://public.noddfa.test/hook,            NOT_HTTPS
			https://public.example.org/hook,           HOST_NOT_ALLOWED
			https://nowhere.noddfa.test/hook,          UNRESOLVABLE
			""")
	void a_webhook_inside_our_network_or_off_the_allow_list_is_refused(String url, String reason) {
		TestDns.point("private.noddfa.test", "192.168.1.20");
		TestDns.point("link-local.noddfa.test", "169.254.10.1");
		TestDns.point("metadata.noddfa.test", "169.254.169.254");
		TestDns.point("v6-loopback.noddfa.test", "::1");
		TestDns.point("public.noddfa.test", "203.0.113.10");
		http().post()
			.uri("/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"channel\": \"WEBHOOK\", \"url\": \"" + url + "\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://noddfa.cymru/problems/webhook-url-refused")
			.jsonPath("$.field")
			.isEqualTo("url")
			.jsonPath("$.reason")
			.isEqualTo(reason);
	}

	@Test
	void a_host_that_resolves_inside_our_network_at_send_time_is_not_called() {
		try (WebhookReceiver receiver = WebhookReceiver.start()) {
			String host = "rebinding-" + UUID.randomUUID().toString().substring(0, 8) + ".noddfa.test";
			TestDns.point(host, "203.0.113.10");
			String created = http().post()
				.uri("/v1/subscriptions")
				.contentType(MediaType.APPLICATION_JSON)
				.body("""
						{"regionCode": "HD", "eventTypes": ["HoldPlaced"], "channel": "WEBHOOK",
						 "url": "https://%s:%d/hook"}
						""".formatted(host, receiver.port()))
				.exchange()
				.expectStatus()
				.isCreated()
				.returnResult(String.class)
				.getResponseBody();
			assertThat(created).contains(host);

			// the host's DNS now points at this machine, where the receiver listens
			TestDns.point(host, "127.0.0.1");
			UUID eventId = UUID.randomUUID();
			String referral = UUID.randomUUID().toString();
			ReferralEvents.publish(eventId, "HoldPlaced", referral,
					ReferralEvents.event(eventId, "HoldPlaced", referral, "HD", "HD-1", "swansea-unit"));

			await().atMost(Duration.ofSeconds(20))
				.until(() -> "DEAD".equals(this.jdbc.sql("select status from deliveries where event_id = ?")
					.param(eventId)
					.query(String.class)
					.optional()
					.orElse(null)));
			assertThat(this.jdbc.sql("""
					select distinct a.outcome from delivery_attempts a join deliveries d on d.id = a.delivery_id
					where d.event_id = ?
					""").param(eventId).query(String.class).list()).containsExactly("REFUSED");
			assertThat(receiver.requests()).isEmpty();
		}
	}

	/** As the region's crisis team, whose system subscribes for the region. */
	private RestTestClient http() {
		return RestTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeader("Authorization", "Bearer " + TestIdentity.shared().crisisTeam("HD"))
			.build();
	}

}
