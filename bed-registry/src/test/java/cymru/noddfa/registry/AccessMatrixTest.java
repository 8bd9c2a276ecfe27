package cymru.noddfa.registry;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import cymru.noddfa.kit.security.Role;
import cymru.noddfa.testsupport.AccessMatrix;
import cymru.noddfa.testsupport.ApiOperations;
import cymru.noddfa.testsupport.ApiOperations.Operation;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation the OpenAPI description declares, called by every kind of caller,
 * answers as the access rules of DESIGN §5 say. The operations come from the running
 * service's {@code /v3/api-docs}: an endpoint added without a row in {@link #RULES} fails
 * the build, and so does a row for an endpoint that is gone. Each call gets a fresh
 * provision of {@link #OWN} in {@link #REGION}, so allowed writes reach the real handler
 * and refused ones can be shown to change nothing.
 */
class AccessMatrixTest extends RegistryComponentTest {

	static final String OWN = "matrix-own-provider";

	static final String OTHER = "matrix-other-provider";

	static final String REGION = "CTM";

	static final String OTHER_REGION = "CAV";

	/**
	 * Every kind of caller: anonymous, each role for the fixture's tenant, and for
	 * another.
	 */
	enum Who {

		ANONYMOUS(null), ADMIN(Role.ADMIN), OWN_PROVIDER(Role.PROVIDER), OTHER_PROVIDER(Role.PROVIDER),
		CRISIS_TEAM_OF_REGION(Role.CRISIS_TEAM), CRISIS_TEAM_OF_OTHER_REGION(Role.CRISIS_TEAM),
		PANEL_OF_REGION(Role.PANEL), PANEL_OF_OTHER_REGION(Role.PANEL);

		final Role role;

		Who(Role role) {
			this.role = role;
		}

		String token() {
			return switch (this) {
				case ANONYMOUS -> null;
				case ADMIN -> identity.admin();
				case OWN_PROVIDER -> identity.provider(OWN);
				case OTHER_PROVIDER -> identity.provider(OTHER);
				case CRISIS_TEAM_OF_REGION -> identity.crisisTeam(REGION);
				case CRISIS_TEAM_OF_OTHER_REGION -> identity.crisisTeam(OTHER_REGION);
				case PANEL_OF_REGION -> identity.panel(REGION);
				case PANEL_OF_OTHER_REGION -> identity.panel(OTHER_REGION);
			};
		}

	}

	/** The provision a call is about, as freshly created. */
	record Fixture(String id, long version) {
	}

	/** What to send: values for the path's variables, a query, a body and headers. */
	record Call(Map<String, String> variables, String query, String body, String... headers) {
	}

	/**
	 * Who may call an operation.
	 *
	 * @param roles the roles the rule lets through (403 for any other, 401 without a
	 * token)
	 * @param ownProviderOnly whether a provider must keep the provision (or be the one
	 * the body names): another provider gets 403
	 * @param success the status an allowed caller gets
	 * @param paused whether the fixture is paused first (reopening needs it)
	 */
	record Rule(Set<Role> roles, boolean ownProviderOnly, int success, boolean paused, Function<Fixture, Call> call) {

		int expectedFor(Who who) {
			if (who.role == null) {
				return 401;
			}
			if (!this.roles.contains(who.role) || (this.ownProviderOnly && who == Who.OTHER_PROVIDER)) {
				return 403;
			}
			return this.success;
		}

	}

	static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

	static final Set<Role> KEEPERS = EnumSet.of(Role.ADMIN, Role.PROVIDER);

	static final Map<String, Rule> RULES = Map.ofEntries(
			entry("GET /v1/provisions",
					new Rule(EVERY_ROLE, false, 200, false, (f) -> new Call(Map.of(), "?providerId=" + OWN, null))),
			entry("GET /v1/provisions/{id}", new Rule(EVERY_ROLE, false, 200, false, (f) -> on(f, null))),
			entry("GET /v1/reference", new Rule(EVERY_ROLE, false, 200, false, (f) -> new Call(Map.of(), null, null))),
			entry("POST /v1/provisions",
					new Rule(KEEPERS, true, 201, false,
							(f) -> new Call(Map.of(), null, provision(unique("matrix-new"), OWN)))),
			entry("PUT /v1/provisions/{id}",
					new Rule(KEEPERS, true, 200, false, (f) -> on(f, provision(f.id(), OWN), "If-Match", etag(f)))),
			entry("PUT /v1/provisions/{id}/vacancies/{bedType}",
					new Rule(KEEPERS, true, 200, false,
							(f) -> new Call(Map.of("id", f.id(), "bedType", "CRISIS"), null,
									"{\"total\": 3, \"available\": 2}", "If-Match", etag(f)))),
			entry("POST /v1/provisions/{id}/confirmations",
					new Rule(KEEPERS, true, 200, false, (f) -> on(f, "{\"bedType\": \"CRISIS\"}"))),
			entry("POST /v1/provisions/{id}/approval",
					new Rule(EnumSet.of(Role.ADMIN), false, 200, false, (f) -> on(f, null))),
			entry("POST /v1/provisions/{id}/pause",
					new Rule(KEEPERS, true, 200, false, (f) -> on(f, "{\"reason\": \"staffing\"}"))),
			entry("POST /v1/provisions/{id}/reopen", new Rule(KEEPERS, true, 200, true, (f) -> on(f, null))),
			entry("POST /v1/provisions/{id}/close",
					new Rule(KEEPERS, true, 200, false, (f) -> on(f, "{\"reason\": \"decommissioned\"}"))),
			entry("GET /v1/provisions/{id}/history", new Rule(KEEPERS, true, 200, false, (f) -> on(f, null))),
			// the service kit's audit trail: admins only
			entry("GET /v1/audit", new Rule(EnumSet.of(Role.ADMIN), false, 200, false,
					(f) -> new Call(Map.of(), "?path=/v1/provisions/" + f.id(), null))));

	@Test
	void the_rules_cover_exactly_the_operations_the_description_declares() {
		AccessMatrix.requireRulesForExactly(operations(), RULES.keySet());
	}

	@TestFactory
	Stream<DynamicNode> every_operation_answers_every_caller_as_its_rule_says() {
		List<Operation> operations = operations();
		return AccessMatrix.everyCallerOfEveryOperation(operations, RULES, List.of(Who.values()),
				"ProvisionAccessConfiguration", (rule, who) -> "as " + who + " -> " + rule.expectedFor(who),
				this::check);
	}

	private void check(Operation operation, Rule rule, Who who) {
		Fixture fixture = fixture(rule.paused());
		Call call = rule.call().apply(fixture);
		String path = operation.pathWith(call.variables()) + ((call.query() != null) ? call.query() : "");
		Api caller = (who.token() != null) ? as(who.token()) : this.api.anonymous();

		Api.Response response = caller.send(operation.method(), path, call.body(), call.headers());

		int expected = rule.expectedFor(who);
		assertThat(response.status()).as("%s %s as %s: %s", operation.method(), path, who, response)
			.isEqualTo(expected);
		if (expected >= 400) {
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(this.api.get("/v1/provisions/" + fixture.id()).json().get("version").asLong())
				.as("a refused call changes nothing")
				.isEqualTo(fixture.version());
		}
	}

	/** A fresh provision of {@link #OWN} in {@link #REGION}, paused if asked. */
	private Fixture fixture(boolean paused) {
		String id = unique("matrix");
		Api.Response created = this.api.post("/v1/provisions", provision(id, OWN));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		if (!paused) {
			return new Fixture(id, 1);
		}
		Api.Response pause = this.api.post("/v1/provisions/" + id + "/pause", "{\"reason\": \"staffing\"}");
		assertThat(pause.status()).as(pause.toString()).isEqualTo(200);
		return new Fixture(id, 2);
	}

	private List<Operation> operations() {
		Api.Response docs = this.api.anonymous().get("/v3/api-docs");
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		return ApiOperations.of(docs.body());
	}

	private static Call on(Fixture fixture, String body, String... headers) {
		return new Call(Map.of("id", fixture.id()), null, body, headers);
	}

	private static String etag(Fixture fixture) {
		return "\"" + fixture.version() + "\"";
	}

}
