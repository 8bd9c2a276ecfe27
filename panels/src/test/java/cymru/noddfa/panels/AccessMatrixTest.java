package cymru.noddfa.panels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cymru.noddfa.testsupport.ApiOperations;
import cymru.noddfa.testsupport.ApiOperations.Operation;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every operation the OpenAPI description declares, called by every kind of caller,
 * answers as the README's access table says. The operations come from the running
 * service's {@code /v3/api-docs}: an endpoint added without a row here fails the build,
 * and so does a row for an endpoint that is gone. The case called on is real: a child of
 * {@link #REGION} referred by a team of {@link #REFERRING}.
 */
class AccessMatrixTest extends ServiceTest {

	static final String LETTERS = UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 3).toUpperCase();

	static final String REGION = "MX" + LETTERS;

	static final String REFERRING = "MZ" + LETTERS;

	static final String OTHER = "MY" + LETTERS;

	enum Who {

		ANONYMOUS, ADMIN, PROVIDER, PANEL_OF_REGION, PANEL_OF_OTHER_REGION, PANEL_OF_REFERRING_REGION,
		CRISIS_TEAM_OF_REGION, CRISIS_TEAM_OF_REFERRING_REGION, CRISIS_TEAM_OF_OTHER_REGION;

		String token() {
			return switch (this) {
				case ANONYMOUS -> null;
				case ADMIN -> identity.admin();
				case PROVIDER -> identity.provider("matrix-provider");
				case PANEL_OF_REGION -> identity.panel(REGION);
				case PANEL_OF_OTHER_REGION -> identity.panel(OTHER);
				case PANEL_OF_REFERRING_REGION -> identity.panel(REFERRING);
				case CRISIS_TEAM_OF_REGION -> identity.crisisTeam(REGION);
				case CRISIS_TEAM_OF_REFERRING_REGION -> identity.crisisTeam(REFERRING);
				case CRISIS_TEAM_OF_OTHER_REGION -> identity.crisisTeam(OTHER);
			};
		}

		boolean panelOfRegion() {
			return this == PANEL_OF_REGION;
		}

		boolean panel() {
			return name().startsWith("PANEL");
		}

		boolean crisisTeam() {
			return name().startsWith("CRISIS_TEAM");
		}

		boolean readsTheCase() {
			return this == PANEL_OF_REGION || this == CRISIS_TEAM_OF_REGION || this == CRISIS_TEAM_OF_REFERRING_REGION;
		}

	}

	static final String PERIOD = "?from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1);

	/** Per operation: the path's query, a body, and the status each caller gets. */
	record Rule(String query, String body, Map<Who, Integer> answers) {

		static Rule of(String query, String body, java.util.function.ToIntFunction<Who> status) {
			return new Rule(query, body,
					Arrays.stream(Who.values())
						.collect(Collectors.toMap((who) -> who,
								(who) -> (who == Who.ANONYMOUS) ? 401 : status.applyAsInt(who))));
		}

	}

	private final Map<String, Rule> rules = Map.ofEntries(
			entry("GET /v1/cases", Rule.of("", null, (who) -> (who.panel() || who.crisisTeam()) ? 200 : 403)),
			entry("GET /v1/cases/{id}", Rule.of("", null, (who) -> who.readsTheCase() ? 200 : 403)),
			entry("POST /v1/cases/{id}/decisions",
					Rule.of("", """
							{"type": "REQUEST_INFORMATION", "reasonCode": "ASSESSMENT_NEEDED",
							 "informationFrom": "HEALTH_BOARD", "informationBy": "2026-12-31"}""",
							(who) -> who.panelOfRegion() ? 201 : 403)),
			entry("GET /v1/outcomes", Rule.of(PERIOD, null, (who) -> (who == Who.PROVIDER) ? 403 : 200)),
			entry("GET /v1/exports/outcomes.csv", Rule.of(PERIOD, null, (who) -> (who == Who.PROVIDER) ? 403 : 200)),
			// a panel exports its own region's timelines
			entry("GET /v1/exports/case-timelines.csv", Rule.of(PERIOD, null, (who) -> who.panel() ? 200 : 403)),
			entry("GET /v1/audit", Rule.of("?limit=1", null, (who) -> (who == Who.ADMIN) ? 200 : 403)));

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static String caseId;

	static String referral;

	@Test
	void the_rules_cover_exactly_the_operations_the_description_declares() throws Exception {
		Set<String> declared = operations().stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));

		assertThat(new TreeSet<>(this.rules.keySet())).isEqualTo(declared);
	}

	@TestFactory
	Stream<DynamicNode> every_operation_answers_every_caller_as_its_rule_says() throws Exception {
		aCase();
		return operations().stream().map((operation) -> {
			Rule rule = this.rules.get(operation.key());
			if (rule == null) {
				return dynamicTest(operation.key() + " has an access rule",
						() -> fail("%s has no access rule: decide who may call it (AccessConfiguration, README)",
								operation.key()));
			}
			return dynamicContainer(operation.key(), Arrays.stream(Who.values())
				.map((who) -> dynamicTest(who + " -> " + rule.answers().get(who), () -> check(operation, rule, who))));
		});
	}

	@Test
	void every_read_and_write_of_a_case_is_in_the_audit_trail_with_its_subject() throws Exception {
		aCase();
		String marker = UUID.randomUUID().toString();
		send("GET", "/v1/cases/" + caseId + "?m=" + marker, null,
				identity.token(Caller.panel(REGION).as("panel-member-" + marker)));
		send("POST", "/v1/cases/" + caseId + "/decisions?m=" + marker, "{\"type\": \"POSTPONE\"}",
				identity.token(Caller.panel(REGION).as("panel-member-" + marker)));

		List<Map<String, Object>> rows = this.jdbc
			.sql("select method, status, subject from audit_event where query = ? order by id")
			.param("m=" + marker)
			.query()
			.listOfRows();
		assertThat(rows).extracting((row) -> row.get("method") + " " + row.get("status") + " " + row.get("subject"))
			.containsExactly("GET 200 panel-member-" + marker, "POST 400 panel-member-" + marker);
	}

	private void check(Operation operation, Rule rule, Who who) throws Exception {
		String path = operation.pathWith(Map.of("id", caseId)) + rule.query();

		Answer answer = send(operation.method(), path, rule.body(), who.token());

		int expected = rule.answers().get(who);
		assertThat(answer.status()).as("%s %s as %s: %s", operation.method(), path, who, answer.body())
			.isEqualTo(expected);
		if (expected >= 400) {
			assertThat(answer.contentType()).startsWith("application/problem+json");
		}
		if (operation.key().equals("GET /v1/cases") && expected == 200) {
			assertThat(answer.body().contains(referral)).as("the case in %s's list", who).isEqualTo(who.readsTheCase());
		}
		if (operation.key().equals("GET /v1/exports/case-timelines.csv") && expected == 200 && !who.panelOfRegion()) {
			assertThat(answer.body().lines().count()).as("another region's timelines").isEqualTo(1);
		}
	}

	private synchronized void aCase() {
		if (caseId != null) {
			return;
		}
		referral = UUID.randomUUID().toString();
		Instant now = Instant.now();
		ReferralEvents
			.publish(List.of(
					ReferralEvents.event(UUID.randomUUID(), "ReferralCreated", referral, 1, now.minusSeconds(600),
							REGION,
							Map.of("referringRegionCode", REFERRING, "bedType", "CRISIS", "needs",
									List.of("MH_CRISIS"))),
					ReferralEvents.event(UUID.randomUUID(), "ReferralEscalated", referral, 2, now, REGION,
							Map.of("referringRegionCode", REFERRING, "outOfRegionOptions", List.of()))));
		caseId = awaitCase(referral);
	}

	private List<Operation> operations() throws Exception {
		Answer docs = send("GET", "/v3/api-docs", null, null);
		assertThat(docs.status()).isEqualTo(200);
		return ApiOperations.of(docs.body());
	}

	private Answer send(String method, String path, String body, String token) throws Exception {
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
		HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body());
	}

	record Answer(int status, String contentType, String body) {
	}

}
