package cymru.noddfa.notifications;

import cymru.noddfa.testsupport.WithInfrastructure;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The service as the local stack runs it (webhooks to 127.0.0.1 allowed), against the
 * real Kafka and PostgreSQL, with retries quick enough for a test. Every test class that
 * extends it shares one Spring context.
 */
@WithInfrastructure(database = "notifications")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "noddfa.notifications.webhooks.allow-private-addresses=true",
				"noddfa.notifications.delivery.poll-interval=100ms",
				"noddfa.notifications.delivery.initial-backoff=250ms", "noddfa.notifications.delivery.max-backoff=3s",
				"noddfa.notifications.delivery.max-attempts=60", "noddfa.outbox.poll-interval=100ms" })
abstract class ServiceTest {

	@LocalServerPort
	int port;

	RestTestClient http;

	@BeforeEach
	void client() {
		this.http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	private final List<String> subscriptions = new ArrayList<>();

	/**
	 * Subscriptions live in the shared database: each test removes its own, so later
	 * tests' events are not sent to receivers that are gone.
	 */
	@AfterEach
	void unsubscribe() {
		this.subscriptions.forEach((id) -> this.http.delete().uri("/v1/subscriptions/{id}", id).exchange());
	}

	String subscribe(String json) {
		String created = this.http.post()
			.uri("/v1/subscriptions")
			.header("Content-Type", "application/json")
			.body(json)
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseBody();
		this.subscriptions.add(JsonMapper.builder().build().readTree(created).get("id").asString());
		return created;
	}

}
