package cymru.noddfa.matcher;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import cymru.noddfa.kit.security.Role;
import cymru.noddfa.testsupport.AccessMatrix;
import cymru.noddfa.testsupport.ApiOperations;
import cymru.noddfa.testsupport.ApiOperations.Operation;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every operation the OpenAPI description declares, called by every kind of caller,
 * answers as the access rules of DESIGN §5 say. The operations come from the running
 * service's {@code /v3/api-docs}: an endpoint added without a row in {@link #RULES} fails
 * the build, and so does a row for an endpoint that is gone. Each call gets its own
 * referral of {@link #REGION} (held, accepted or placed on a bed of {@link #OWN} as the
 * operation needs), so allowed writes reach the real handler and refused ones can be
 * shown to change nothing.
 */
class AuthorizationMatrixTest extends MatcherComponentTest {

	static final String OWN = "matrix-own-" + UUID.randomUUID().toString().substring(0, 8);

	static final String OTHER = "matrix-other-" + UUID.randomUUID().toString().substring(0, 8);

	static final String OTHER_REGION = "CAV";

	static final double[] CHILD = ProvisionStates.somewhereApart();

	static final String UNIT = ProvisionStates.uniqueId("matrix-unit");

	private static ProvisionStates registry;

	/**
	 * Anonymous, each role for the fixture's tenant, and each tenant role for another.
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

		Caller caller() {
			return switch (this) {
				case ANONYMOUS -> null;
				case ADMIN -> Caller.admin();
				case OWN_PROVIDER -> Caller.provider(OWN);
				case OTHER_PROVIDER -> Caller.provider(OTHER);
				case CRISIS_TEAM_OF_REGION -> crisisTeam(REGION);
				case CRISIS_TEAM_OF_OTHER_REGION -> crisisTeam(OTHER_REGION);
				case PANEL_OF_REGION -> Caller.panel(REGION);
				case PANEL_OF_OTHER_REGION -> Caller.panel(OTHER_REGION);
			};
		}

	}

	/** How far the fixture's referral has come before the call. */
	enum Stage {

		NONE, REFERRAL, HELD, ACCEPTED, PLACED

	}

	/** The referral a call is about, with its hold and placement where it has them. */
	record Fixture(String referralId, String holdId, String placementId, int version) {

		Map<String, String> variables() {
			Map<String, String> values = new java.util.HashMap<>();
			values.put("provisionId", UNIT);
			if (this.referralId != null) {
				values.put("referralId", this.referralId);
			}
			if (this.holdId != null) {
				values.put("holdId", this.holdId);
			}
			if (this.placementId != null) {
				values.put("placementId", this.placementId);
			}
			return values;
		}

	}

	/** What to send: a query and a body. */
	record Call(String query, String body) {
	}

	/**
	 * Who may call an operation.
	 *
	 * @param roles the roles the rule lets through (403 for any other, 401 without a
	 * token)
	 * @param scoped whether the object belongs to a tenant (the referral's region, the
	 * provider keeping the held bed): a caller of another tenant gets 403
	 * @param success the status an allowed caller of the right tenant gets
	 * @param stage how far the fixture's referral has come
	 */
	record Rule(Set<Role> roles, boolean scoped, int success, Stage stage, Function<Fixture, Call> call) {

		int expectedFor(Who who) {
			if (who.role == null) {
				return 401;
			}
			if (!this.roles.contains(who.role) || (this.scoped && who.otherTenant)) {
				return 403;
			}
			return this.success;
		}

	}

	static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

	static final Set<Role> TEAMS_AND_PANELS = EnumSet.of(Role.CRISIS_TEAM, Role.PANEL);

	static final Set<Role> CRISIS_TEAM = EnumSet.of(Role.CRISIS_TEAM);

	static final Set<Role> PROVIDER = EnumSet.of(Role.PROVIDER);

	static final Map<String, Rule> RULES = Map.ofEntries(
			entry("POST /v1/searches", new Rule(EVERY_ROLE, false, 200, Stage.NONE, (f) -> new Call(null, search()))),
			entry("GET /v1/searches",
					new Rule(EVERY_ROLE, false, 200, Stage.NONE,
							(f) -> new Call("?regionCode=CTM&lat=" + CHILD[0] + "&lon=" + CHILD[1]
									+ "&age=14&sex=FEMALE&needs=MH_CRISIS&bedType=CRISIS&maxKm=60", null))),
			entry("GET /v1/availability/{provisionId}",
					new Rule(EVERY_ROLE, false, 200, Stage.NONE, (f) -> new Call(null, null))),
			entry("POST /admin/read-model/rebuild",
					new Rule(EnumSet.of(Role.ADMIN), false, 202, Stage.NONE, (f) -> new Call(null, null))),
			// no wrong door: any region's crisis team refers a child of any home region
			// (it keeps access to what it created as the referring region)
			entry("POST /v1/referrals",
					new Rule(CRISIS_TEAM, false, 201, Stage.NONE, (f) -> new Call(null, referral("MX-0001")))),
			entry("GET /v1/referrals",
					new Rule(TEAMS_AND_PANELS, true, 200, Stage.REFERRAL,
							(f) -> new Call("?regionCode=" + REGION, null))),
			entry("GET /v1/referrals/{referralId}",
					new Rule(TEAMS_AND_PANELS, true, 200, Stage.REFERRAL, (f) -> new Call(null, null))),
			entry("POST /v1/referrals/{referralId}/cancel",
					new Rule(CRISIS_TEAM, true, 200, Stage.REFERRAL, (f) -> new Call(null, null))),
			entry("GET /v1/referrals/{referralId}/holds",
					new Rule(TEAMS_AND_PANELS, true, 200, Stage.HELD, (f) -> new Call(null, null))),
			entry("POST /v1/referrals/{referralId}/holds",
					new Rule(CRISIS_TEAM, true, 201, Stage.REFERRAL,
							(f) -> new Call(null, "{\"provisionId\": \"" + UNIT + "\"}"))),
			// the unit keeping the held bed answers for it, nobody else
			entry("POST /v1/referrals/{referralId}/holds/{holdId}/accept",
					new Rule(PROVIDER, true, 200, Stage.HELD, (f) -> new Call(null, null))),
			entry("POST /v1/referrals/{referralId}/holds/{holdId}/decline",
					new Rule(PROVIDER, true, 200, Stage.HELD, (f) -> new Call(null, "{\"reasonCode\": \"NO_STAFF\"}"))),
			entry("POST /v1/referrals/{referralId}/placements",
					new Rule(CRISIS_TEAM, true, 201, Stage.ACCEPTED, (f) -> new Call(null, null))),
			entry("GET /v1/placements/{placementId}",
					new Rule(TEAMS_AND_PANELS, true, 200, Stage.PLACED, (f) -> new Call(null, null))),
			entry("POST /v1/placements/{placementId}/end",
					new Rule(EnumSet.of(Role.CRISIS_TEAM, Role.PROVIDER), true, 200, Stage.PLACED,
							(f) -> new Call(null, null))),
			// a list of one's own: another tenant gets its own (here empty) list, checked
			// below never to hold the fixture's hold
			entry("GET /v1/holds",
					new Rule(EnumSet.of(Role.PROVIDER, Role.CRISIS_TEAM, Role.PANEL), false, 200, Stage.HELD,
							(f) -> new Call("?status=ACTIVE", null))),
			// the service kit's audit trail: admins only
			entry("GET /v1/audit", new Rule(EnumSet.of(Role.ADMIN), false, 200, Stage.NONE,
					(f) -> new Call("?path=/v1/referrals&limit=5", null))));

	@BeforeAll
	static void publishTheUnit() {
		registry = new ProvisionStates();
		registry.publish(ProvisionStates.provision(UNIT)
			.provider(OWN)
			.at(CHILD[0] + 0.02, CHILD[1])
			.onlyBeds("CRISIS", 500, 500));
	}

	@AfterAll
	static void closeRegistry() {
		registry.close();
	}

	@Test
	void the_rules_cover_exactly_the_operations_the_description_declares() throws Exception {
		AccessMatrix.requireRulesForExactly(operations(), RULES.keySet());
	}

	@Test
	void the_description_asks_for_a_bearer_token_and_never_for_the_caller_as_a_parameter() throws Exception {
		String docs = this.mvc.perform(get("/v3/api-docs").with(anonymous()))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(JsonPath.<String>read(docs, "$.components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
		assertThat(JsonPath.<List<String>>read(docs, "$.paths..parameters[*].name")).doesNotContain("caller",
				"X-Team-Id", "providerId", "roles");
		assertThat(JsonPath.<Map<String, Object>>read(docs, "$.paths['/v1/holds'].get.responses['403']"))
			.containsKey("content");
	}

	@TestFactory
	Stream<DynamicNode> every_operation_answers_every_caller_as_its_rule_says() throws Exception {
		List<Operation> operations = operations();
		return AccessMatrix.everyCallerOfEveryOperation(operations, RULES, List.of(Who.values()), "AccessConfiguration",
				(rule, who) -> "as " + who + " -> " + rule.expectedFor(who), this::check);
	}

	private void check(Operation operation, Rule rule, Who who) throws Exception {
		awaitTheUnit();
		Fixture fixture = fixture(rule.stage());
		Call call = rule.call().apply(fixture);
		String path = operation.pathWith(fixture.variables()) + ((call.query() != null) ? call.query() : "");
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(operation.method()), path);
		if (call.body() != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(call.body());
		}
		request.with((who.caller() != null) ? as(who.caller()) : anonymous());

		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();

		int expected = rule.expectedFor(who);
		assertThat(response.getStatus())
			.as("%s %s as %s: %s", operation.method(), path, who, response.getContentAsString())
			.isEqualTo(expected);
		if (expected >= 400) {
			assertThat(response.getContentType()).startsWith("application/problem+json");
			if (fixture.referralId() != null) {
				assertThat(version(fixture.referralId())).as("a refused call changes nothing")
					.isEqualTo(fixture.version());
			}
		}
		if (operation.key().equals("GET /v1/holds") && expected == 200) {
			List<String> holds = JsonPath.read(response.getContentAsString(), "$[*].holdId");
			if (who.otherTenant) {
				assertThat(holds).as("another tenant never sees the hold").doesNotContain(fixture.holdId());
			}
			else {
				assertThat(holds).contains(fixture.holdId());
				assertThat(response.getContentAsString()).as("only what the unit needs to decide")
					.doesNotContain("reference")
					.doesNotContain("MX-");
			}
		}
	}

	/** A fresh referral of {@link #REGION}, brought as far as the operation needs. */
	private Fixture fixture(Stage stage) throws Exception {
		if (stage == Stage.NONE) {
			return new Fixture(null, null, null, 0);
		}
		Caller team = crisisTeam(REGION);
		String referralId = JsonPath.read(created(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON)
			.content(referral("MX-" + (1000 + (int) (Math.random() * 9000))))
			.with(as(team))), "$.id");
		if (stage == Stage.REFERRAL) {
			return new Fixture(referralId, null, null, 1);
		}
		String holdId = JsonPath
			.read(created(post("/v1/referrals/{id}/holds", referralId).contentType(MediaType.APPLICATION_JSON)
				.content("{\"provisionId\": \"" + UNIT + "\"}")
				.with(as(team))), "$.holdId");
		if (stage == Stage.HELD) {
			return new Fixture(referralId, holdId, null, 2);
		}
		MockHttpServletResponse accepted = this.mvc
			.perform(post("/v1/referrals/{id}/holds/{hold}/accept", referralId, holdId).with(as(Caller.provider(OWN))))
			.andReturn()
			.getResponse();
		assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
		if (stage == Stage.ACCEPTED) {
			return new Fixture(referralId, holdId, null, 3);
		}
		String placementId = JsonPath.read(created(post("/v1/referrals/{id}/placements", referralId).with(as(team))),
				"$.placementId");
		return new Fixture(referralId, holdId, placementId, 4);
	}

	private String created(MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return response.getContentAsString();
	}

	private int version(String referralId) throws Exception {
		return JsonPath.read(this.mvc.perform(get("/v1/referrals/{id}", referralId).with(as(crisisTeam(REGION))))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.version");
	}

	/** The unit is in the read model (and back after a rebuild) before each call. */
	private void awaitTheUnit() {
		await().atMost(Duration.ofSeconds(20))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.mvc.perform(get("/v1/availability/{id}", UNIT))
				.andReturn()
				.getResponse()
				.getStatus() == 200);
	}

	private List<Operation> operations() throws Exception {
		MockHttpServletResponse docs = this.mvc.perform(get("/v3/api-docs").with(anonymous()))
			.andReturn()
			.getResponse();
		assertThat(docs.getStatus()).as(docs.getContentAsString()).isEqualTo(200);
		return ApiOperations.of(docs.getContentAsString());
	}

	private static String referral(String reference) {
		return """
				{"reference": "%s", "regionCode": "%s", "age": 14, "sex": "FEMALE", "needs": ["MH_CRISIS"],
				 "currentSetting": "A_AND_E", "location": {"lat": %s, "lon": %s}, "bedType": "CRISIS", "maxKm": 60}
				""".formatted(reference, REGION, CHILD[0], CHILD[1]);
	}

	private static String search() {
		return """
				{"regionCode": "%s", "location": {"lat": %s, "lon": %s}, "age": 14, "sex": "FEMALE",
				 "needs": ["MH_CRISIS"], "bedType": "CRISIS", "maxKm": 60}
				""".formatted(REGION, CHILD[0], CHILD[1]);
	}

}
