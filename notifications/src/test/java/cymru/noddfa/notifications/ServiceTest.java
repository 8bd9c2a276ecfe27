package cymru.noddfa.notifications;

import cymru.noddfa.testsupport.TestIdentity;
import cymru.noddfa.testsupport.WithInfrastructure;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
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
				"noddfa.notifications.delivery.max-attempts=60", "noddfa.notifications.delivery.fall-through-after=2",
				"noddfa.notifications.alerts.escalate-after=4s", "noddfa.notifications.alerts.check-interval=200ms",
				"noddfa.notifications.alerts.link-key=test-link-key",
				"noddfa.notifications.alerts.public-base-url=http://127.0.0.1/api/notifications",
				"noddfa.notifications.notify.api-key=" + NotifyStub.API_KEY,
				"noddfa.notifications.notify.sms-template-id=0a0b0c0d-0000-4000-8000-000000000001",
				"noddfa.notifications.notify.email-template-id=0a0b0c0d-0000-4000-8000-000000000002",
				"noddfa.notifications.reminders.check-interval=500ms", "noddfa.outbox.poll-interval=100ms" })
public abstract class ServiceTest {

	/**
	 * The key ring that seals webhook signing secrets in the tests (the service has no
	 * default one outside the local profile).
	 */
	public static final String KEYSET = """
			{"primaryKeyId":2400012746,"key":[{"keyData":{"typeUrl":"type.googleapis.com/google.crypto.tink.AesGcmKey","value":"GiCFfAHxty5IvD47z3+v0alX955ac5G68ghJNnqEHMK/5w==","keyMaterialType":"SYMMETRIC"},"status":"ENABLED","keyId":2400012746,"outputPrefixType":"TINK"}]}""";

	@DynamicPropertySource
	static void mailAndNotify(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", TestMail::port);
		registry.add("noddfa.notifications.notify.base-url", () -> NotifyStub.get().baseUrl());
		registry.add("noddfa.notifications.secrets.keyset", () -> KEYSET);
	}

	/** The issuer every test token comes from; the service trusts it. */
	protected static final TestIdentity identity = TestIdentity.shared();

	@LocalServerPort
	int port;

	/** Calls as an admin, who keeps subscriptions and contacts. */
	protected RestTestClient http;

	@BeforeEach
	void client() {
		this.http = as(identity.admin());
	}

	/** A client that sends this bearer token with every call. */
	protected RestTestClient as(String token) {
		return RestTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeader("Authorization", "Bearer " + token)
			.build();
	}

	/** A client without a token. */
	protected RestTestClient anonymous() {
		return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
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

	private final List<String> contacts = new ArrayList<>();

	@AfterEach
	void removeContacts() {
		this.contacts.forEach((id) -> this.http.delete().uri("/v1/contacts/{id}", id).exchange());
	}

	/** Adds a contact for this test only; returns its id. */
	protected String contact(String json) {
		String created = this.http.post()
			.uri("/v1/contacts")
			.header("Content-Type", "application/json")
			.body(json)
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseBody();
		String id = JsonMapper.builder().build().readTree(created).get("id").asString();
		this.contacts.add(id);
		return id;
	}

	protected String subscribe(String json) {
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
