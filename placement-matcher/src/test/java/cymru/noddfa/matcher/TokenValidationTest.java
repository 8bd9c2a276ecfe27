package cymru.noddfa.matcher;

import java.util.function.Function;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The matcher checks every token again, whatever the gateway did: issuer, audience,
 * expiry and an RS256 signature by the issuer's key. Anything else is a 401 problem and
 * changes nothing; the same calls with a good token succeed.
 */
class TokenValidationTest extends MatcherComponentTest {

	static final Caller TEAM = Caller.crisisTeam(REGION).as("test:token-check-team");

	static Stream<Arguments> badTokens() {
		return Stream.of(bad("expired", identity::expired), bad("from another issuer", identity::fromAnotherIssuer),
				bad("for another audience", identity::forAnotherAudience),
				bad("signed by another key under the issuer's key id", identity::signedByAnotherKey),
				bad("unsigned (alg=none)", identity::unsigned),
				bad("tampered (claims promoted to admin after signing)", identity::tampered),
				bad("not a JWT at all", (caller) -> "not-a-token"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void a_bad_token_is_a_401_on_reads_and_writes_and_changes_nothing(String why, Function<Caller, String> token)
			throws Exception {
		String id = createReferral();
		int version = version(id);
		String bad = token.apply(TEAM);

		MockHttpServletResponse read = call(get("/v1/referrals/{id}", id).with(as(bad)));
		MockHttpServletResponse write = call(post("/v1/referrals/{id}/cancel", id).with(as(bad)));
		MockHttpServletResponse create = call(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON)
			.content(referral("TOK-0002"))
			.with(as(bad)));

		for (MockHttpServletResponse response : new MockHttpServletResponse[] { read, write, create }) {
			assertThat(response.getStatus()).as(why + ": " + response.getContentAsString()).isEqualTo(401);
			assertThat(response.getContentType()).startsWith("application/problem+json");
			assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
		}
		assertThat(version(id)).as("nothing changed").isEqualTo(version);
	}

	@Test
	void without_a_token_every_endpoint_but_the_probes_and_description_is_a_401() throws Exception {
		assertThat(call(get("/v1/referrals").with(anonymous())).getStatus()).isEqualTo(401);
		assertThat(call(post("/v1/searches").contentType(MediaType.APPLICATION_JSON)
			.content("{\"regionCode\": \"CTM\"}")
			.with(anonymous())).getStatus()).isEqualTo(401);
		assertThat(call(get("/v1/holds").with(anonymous())).getStatus()).isEqualTo(401);
		assertThat(call(get("/v1/audit").with(anonymous())).getStatus()).isEqualTo(401);
		assertThat(call(get("/actuator/prometheus").with(anonymous())).getStatus()).isEqualTo(401);
		assertThat(call(get("/actuator/health/liveness").with(anonymous())).getStatus()).isEqualTo(200);
		assertThat(call(get("/v3/api-docs").with(anonymous())).getStatus()).isEqualTo(200);
	}

	@Test
	void actuator_endpoints_other_than_health_are_for_admins_only() throws Exception {
		assertThat(call(get("/actuator/prometheus").with(as(TEAM))).getStatus()).isEqualTo(403);
		assertThat(call(get("/actuator/prometheus").with(as(Caller.provider(PROVIDER)))).getStatus()).isEqualTo(403);
		assertThat(call(get("/actuator/prometheus").with(as(Caller.admin()))).getStatus()).isEqualTo(200);
	}

	@Test
	void the_same_calls_with_a_good_token_succeed() throws Exception {
		String id = createReferral();

		assertThat(call(get("/v1/referrals/{id}", id).with(as(TEAM))).getStatus()).isEqualTo(200);
		assertThat(call(post("/v1/referrals/{id}/cancel", id).with(as(TEAM))).getStatus()).isEqualTo(200);
	}

	private String createReferral() throws Exception {
		MockHttpServletResponse created = call(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON)
			.content(referral("TOK-0001"))
			.with(as(TEAM)));
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		return JsonPath.read(created.getContentAsString(), "$.id");
	}

	private int version(String id) throws Exception {
		return JsonPath.read(call(get("/v1/referrals/{id}", id).with(as(TEAM))).getContentAsString(), "$.version");
	}

	private MockHttpServletResponse call(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static String referral(String reference) {
		double[] child = ProvisionStates.somewhereApart();
		return """
				{"reference": "%s", "regionCode": "%s", "age": 14, "sex": "FEMALE", "needs": ["MH_CRISIS"],
				 "currentSetting": "HOME", "location": {"lat": %s, "lon": %s}, "bedType": "CRISIS", "maxKm": 60}
				""".formatted(reference, REGION, child[0], child[1]);
	}

	private static Arguments bad(String why, Function<Caller, String> token) {
		return Arguments.of(why, token);
	}

}
