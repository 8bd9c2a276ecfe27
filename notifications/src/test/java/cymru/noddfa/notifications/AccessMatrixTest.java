package cymru.noddfa.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import cymru.noddfa.kit.security.Role;
import cymru.noddfa.notifications.alert.AcknowledgementLinks;
import cymru.noddfa.testsupport.AccessMatrix;
import cymru.noddfa.testsupport.ApiOperations;
import cymru.noddfa.testsupport.ApiOperations.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation the OpenAPI description declares, called by every kind of caller,
 * answers as the access rules say (README, Access). The operations come from the running
 * service's {@code /v3/api-docs}: an endpoint added without a row in its rules fails the
 * build, and so does a row for an endpoint that is gone. The objects called on are real:
 * a provision of {@link #OWN_PROVIDER} in {@link #REGION} as the registry publishes it, a
 * referral of the region with an alert for each audience (its provider, its crisis team,
 * its panel), subscriptions made through the API by each tenant, and a contact of the
 * region; writes that change state get a fresh object per call.
 */
class AccessMatrixTest extends ServiceTest {

	static final String LETTERS = letters();

	static final String REGION = "MX" + LETTERS;

	static final String OTHER_REGION = "MY" + LETTERS;

	static final String OWN_PROVIDER = "matrix-own-" + LETTERS.toLowerCase();

	static final String OTHER_PROVIDER = "matrix-other-" + LETTERS.toLowerCase();

	static final String UNIT = "matrix-unit-" + UUID.randomUUID();

	/**
	 * Every kind of caller: anonymous, each role for the fixtures' tenant, and for
	 * another.
	 */
	enum Who {

		ANONYMOUS(null, false), ADMIN(Role.ADMIN, false), OWN_PROVIDER(Role.PROVIDER, false),
		OTHER_PROVIDER(Role.PROVIDER, true), CRISIS_TEAM_OF_REGION(Role.CRISIS_TEAM, false),
		CRISIS_TEAM_OF_OTHER_REGION(Role.CRISIS_TEAM, true), PANEL_OF_REGION(Role.PANEL, false),
		PANEL_OF_OTHER_REGION(Role.PANEL, true);

		final Role role;

		final boolean otherTenant;

		Who(Role role, boolean otherTenant) {
			this.role = role;
			this.otherTenant = otherTenant;
		}

		String token() {
			return switch (this) {
				case ANONYMOUS -> null;
				case ADMIN -> identity.admin();
				case OWN_PROVIDER -> identity.provider(AccessMatrixTest.OWN_PROVIDER);
				case OTHER_PROVIDER -> identity.provider(AccessMatrixTest.OTHER_PROVIDER);
				case CRISIS_TEAM_OF_REGION -> identity.crisisTeam(REGION);
				case CRISIS_TEAM_OF_OTHER_REGION -> identity.crisisTeam(OTHER_REGION);
				case PANEL_OF_REGION -> identity.panel(REGION);
				case PANEL_OF_OTHER_REGION -> identity.panel(OTHER_REGION);
			};
		}

	}

	/** What another tenant's caller gets from an operation its role may call. */
	enum OtherTenant {

		/** 403: the object is not theirs. */
		FORBIDDEN,
		/** 2xx, without the fixture's tenant's objects. */
		HIDDEN,
		/**
		 * As for its own tenant: the token says whose it is, nothing in the request does.
		 */
		SAME

	}

	/**
	 * What to send: values for the path's variables, a query, a body, and for a list the
	 * id that must not show to another tenant.
	 */
	record Call(Map<String, String> variables, String query, String body, String hidden) {

		static Call of(Map<String, String> variables, String query, String body) {
			return new Call(variables, query, body, null);
		}

	}

	/**
	 * Who may call an operation.
	 *
	 * @param roles the roles the rule lets through (403 for any other, 401 without a
	 * token); {@code null} for an operation open to anyone
	 * @param other what a caller of another tenant gets
	 * @param success the status an allowed caller gets
	 * @param call what each caller sends: objects of its own tenant, or of the fixture's
	 * tenant for a caller of another
	 */
	record Rule(Set<Role> roles, OtherTenant other, int success, Function<Who, Call> call) {

		int expectedFor(Who who) {
			if (this.roles == null) {
				return this.success;
			}
			if (who.role == null) {
				return 401;
			}
			if (!this.roles.contains(who.role) || (who.otherTenant && this.other == OtherTenant.FORBIDDEN)) {
				return 403;
			}
			return this.success;
		}

		String describe(Who who) {
			int expected = expectedFor(who);
			return "as " + who + " -> " + expected
					+ ((expected < 300 && who.otherTenant && this.other == OtherTenant.HIDDEN) ? " without ours" : "");
		}

	}

	static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

	static final Set<Role> AUDIENCES = EnumSet.of(Role.PROVIDER, Role.CRISIS_TEAM, Role.PANEL);

	/** The fixtures, made once per run by {@link #fixtures()}. */
	static Fixtures fixtures;

	record Fixtures(String referral, String contact, Map<Role, String> alerts, Map<Role, String> subscriptions,
			String signedLinkQuery) {

		/**
		 * The fixture of the tenant a caller of this role would own (any, for others).
		 */
		String alertFor(Who who) {
			return (who.role != null && this.alerts.containsKey(who.role)) ? this.alerts.get(who.role)
					: this.alerts.get(Role.CRISIS_TEAM);
		}

		String subscriptionFor(Who who) {
			return (who.role != null) ? this.subscriptions.get(who.role) : this.subscriptions.get(Role.ADMIN);
		}

	}

	private final Map<String, Rule> rules = Map.ofEntries(
			entry("GET /v1/subscriptions", new Rule(EVERY_ROLE, OtherTenant.HIDDEN, 200,
					(who) -> new Call(Map.of(), null, null, fixtures.subscriptionFor(who)))),
			entry("POST /v1/subscriptions",
					new Rule(
							EVERY_ROLE, OtherTenant.FORBIDDEN, 201, (who) -> Call.of(Map.of(), null,
									newSubscription(who.role)))),
			entry("GET /v1/subscriptions/{id}", new Rule(EVERY_ROLE, OtherTenant.FORBIDDEN, 200,
					(who) -> Call.of(Map.of("id", fixtures.subscriptionFor(who)), null, null))),
			entry("DELETE /v1/subscriptions/{id}",
					new Rule(EVERY_ROLE, OtherTenant.FORBIDDEN, 204,
							(who) -> Call.of(Map.of("id", freshSubscription(who.role)), null, null))),
			entry("GET /v1/contacts",
					new Rule(EnumSet.of(Role.ADMIN, Role.CRISIS_TEAM), OtherTenant.FORBIDDEN, 200,
							(who) -> Call.of(Map.of(), "?region=" + REGION, null))),
			entry("POST /v1/contacts",
					new Rule(EnumSet.of(Role.ADMIN), OtherTenant.FORBIDDEN, 201,
							(who) -> Call.of(Map.of(), null, contactJson()))),
			entry("GET /v1/contacts/{id}",
					new Rule(EnumSet.of(Role.ADMIN, Role.CRISIS_TEAM), OtherTenant.FORBIDDEN, 200,
							(who) -> Call.of(Map.of("id", fixtures.contact()), null, null))),
			entry("DELETE /v1/contacts/{id}", new Rule(EnumSet.of(Role.ADMIN), OtherTenant.FORBIDDEN, 204,
					(who) -> Call.of(Map.of("id", freshContact()), null, null))),
			entry("GET /v1/alerts",
					new Rule(EVERY_ROLE, OtherTenant.HIDDEN, 200,
							(who) -> new Call(Map.of(), (who.role == Role.ADMIN) ? "?region=" + REGION : "", null,
									fixtures.alertFor(who)))),
			entry("GET /v1/alerts/{id}",
					new Rule(EVERY_ROLE, OtherTenant.FORBIDDEN, 200,
							(who) -> Call.of(Map.of("id", fixtures.alertFor(who)), null, null))),
			entry("POST /v1/alerts/{id}/acknowledgement",
					new Rule(AUDIENCES, OtherTenant.FORBIDDEN, 200,
							(who) -> Call.of(Map.of("id", fixtures.alertFor(who)), null, null))),
			// the signed link in a message: open to anyone who holds it
			entry("GET /v1/alerts/{id}/acknowledge",
					new Rule(null, OtherTenant.SAME, 200,
							(who) -> Call.of(Map.of("id", fixtures.alerts().get(Role.CRISIS_TEAM)),
									fixtures.signedLinkQuery(), null))),
			entry("POST /v1/alerts/{id}/acknowledge",
					new Rule(null, OtherTenant.SAME, 200,
							(who) -> Call.of(Map.of("id", fixtures.alerts().get(Role.CRISIS_TEAM)),
									fixtures.signedLinkQuery(), null))),
			entry("GET /v1/feed",
					new Rule(AUDIENCES, OtherTenant.SAME, 200, (who) -> Call.of(Map.of(), "?region=" + REGION, null))),
			entry("GET /v1/notifications",
					new Rule(EnumSet.of(Role.ADMIN, Role.CRISIS_TEAM, Role.PANEL), OtherTenant.FORBIDDEN, 200,
							(who) -> Call.of(Map.of(), "?referral=" + fixtures.referral(), null))),
			// the service kit's audit trail: admins only
			entry("GET /v1/audit", new Rule(EnumSet.of(Role.ADMIN), OtherTenant.FORBIDDEN, 200,
					(who) -> Call.of(Map.of(), "?limit=1", null))));

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<String> created = new ArrayList<>();

	@Autowired
	JdbcClient jdbc;

	@Test
	void the_rules_cover_exactly_the_operations_the_description_declares() {
		AccessMatrix.requireRulesForExactly(operations(), this.rules.keySet());
	}

	@TestFactory
	Stream<DynamicNode> every_operation_answers_every_caller_as_its_rule_says() {
		fixtures = fixtures();
		List<Operation> operations = operations();
		return AccessMatrix.everyCallerOfEveryOperation(operations, this.rules, List.of(Who.values()),
				"AccessConfiguration, README", (rule, who) -> rule.describe(who), this::check);
	}

	/**
	 * Subscriptions and contacts the calls made are removed, so no test hears of them.
	 */
	@AfterEach
	void removeWhatTheCallsMade() {
		this.created.forEach((path) -> this.http.delete().uri(path).exchange());
	}

	private void check(Operation operation, Rule rule, Who who) throws IOException, InterruptedException {
		Call call = rule.call().apply(who);
		String path = operation.pathWith(call.variables()) + ((call.query() != null) ? call.query() : "");

		Answer answer = send(operation.method(), path, call.body(), who.token());

		int expected = rule.expectedFor(who);
		assertThat(answer.status()).as("%s %s as %s: %s", operation.method(), path, who, answer).isEqualTo(expected);
		if (expected >= 400) {
			assertThat(answer.contentType()).startsWith("application/problem+json");
		}
		if (who.otherTenant && call.hidden() != null && expected < 300) {
			assertThat(answer.body()).as("another tenant's list").doesNotContain(call.hidden());
		}
		if (answer.status() == 201) {
			this.created.add(operation.path() + "/" + this.json.readTree(answer.body()).get("id").asString());
		}
	}

	/** The fixtures every row calls on, made through the API and the topics. */
	private Fixtures fixtures() {
		ReferralEvents.provisionState(UNIT, 1, OWN_PROVIDER, REGION, Instant.now());
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("select count(*) from provision_owners where provision_id = ?")
				.param(UNIT)
				.query(Integer.class)
				.single() == 1);
		String contact = contact(contactJson());
		String referral = UUID.randomUUID().toString();
		Map<Role, String> alerts = Map.of(Role.PROVIDER, alert(referral, "HoldPlaced"), Role.CRISIS_TEAM,
				alert(referral, "HoldAccepted"), Role.PANEL, alert(referral, "ReferralEscalated"));
		Map<Role, String> subscriptions = Map.of(Role.ADMIN, subscription(Role.ADMIN), Role.PROVIDER,
				subscription(Role.PROVIDER), Role.CRISIS_TEAM, subscription(Role.CRISIS_TEAM), Role.PANEL,
				subscription(Role.PANEL));
		String link = new AcknowledgementLinks("http://127.0.0.1", "test-link-key", Duration.ofHours(24))
			.url(UUID.fromString(alerts.get(Role.CRISIS_TEAM)), UUID.fromString(contact), Instant.now());
		return new Fixtures(referral, contact, alerts, subscriptions, link.substring(link.indexOf('?')));
	}

	/** The id of the alert the event raised. */
	private String alert(String referral, String type) {
		UUID eventId = UUID.randomUUID();
		ReferralEvents.publish(eventId, type, referral,
				ReferralEvents.event(eventId, type, referral, REGION, REGION + "-0001", UNIT));
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.jdbc.sql("select count(*) from alerts where event_id = ?")
				.param(eventId)
				.query(Integer.class)
				.single() == 1);
		return this.jdbc.sql("select id from alerts where event_id = ?").param(eventId).query(String.class).single();
	}

	/** A subscription made by a caller of the role for its own tenant. */
	private String subscription(Role role) {
		String body = as(tokenOfOwn(role)).post()
			.uri("/v1/subscriptions")
			.header("Content-Type", "application/json")
			.body(newSubscription(role))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseBody();
		String id = this.json.readTree(body).get("id").asString();
		this.created.add("/v1/subscriptions/" + id);
		return id;
	}

	/** A subscription of the role's tenant, made by an admin for one call to remove. */
	private String freshSubscription(Role role) {
		String body = this.http.post()
			.uri("/v1/subscriptions")
			.header("Content-Type", "application/json")
			.body(newSubscription(role))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseBody();
		String id = this.json.readTree(body).get("id").asString();
		this.created.add("/v1/subscriptions/" + id);
		return id;
	}

	/**
	 * A subscription a caller of the role asks for in the fixtures' tenant; another
	 * provider names our provider, another region's team or panel our region. Only
	 * placement endings, which no fixture publishes, so nothing is ever sent.
	 */
	private static String newSubscription(Role role) {
		String tenant = (role == Role.PROVIDER) ? "\"providerId\": \"" + OWN_PROVIDER + "\", "
				: "\"regionCode\": \"" + REGION + "\", ";
		return "{" + tenant + "\"eventTypes\": [\"PlacementEnded\"], \"channel\": \"WEBHOOK\", "
				+ "\"url\": \"http://127.0.0.1:9/matrix\"}";
	}

	private static String tokenOfOwn(Role role) {
		return switch (role) {
			case ADMIN -> identity.admin();
			case PROVIDER -> identity.provider(OWN_PROVIDER);
			case CRISIS_TEAM -> identity.crisisTeam(REGION);
			case PANEL -> identity.panel(REGION);
		};
	}

	private String freshContact() {
		return contact(contactJson());
	}

	private static String contactJson() {
		return """
				{"name": "Matrix duty", "role": "CRISIS_TEAM", "regionCode": "%s", "rotaPosition": 9,
				 "channels": [{"channel": "EMAIL", "address": "matrix-%s@team.example"}]}
				""".formatted(REGION, UUID.randomUUID());
	}

	private List<Operation> operations() {
		try {
			Answer docs = send("GET", "/v3/api-docs", null, null);
			assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
			return ApiOperations.of(docs.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One call; a live feed's stream is closed as soon as its status and headers are in.
	 */
	private Answer send(String method, String path, String body, String token)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(20))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<InputStream> response = this.client.send(request.build(),
				HttpResponse.BodyHandlers.ofInputStream());
		String contentType = response.headers().firstValue("Content-Type").orElse("");
		try (InputStream stream = response.body()) {
			String text = contentType.startsWith("text/event-stream") ? ""
					: new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			return new Answer(response.statusCode(), contentType, text);
		}
	}

	record Answer(int status, String contentType, String body) {
	}

	private static String letters() {
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			letters.append((char) ('A' + (int) (Math.random() * 26)));
		}
		return letters.toString();
	}

}
