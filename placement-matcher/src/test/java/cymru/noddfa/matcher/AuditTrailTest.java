package cymru.noddfa.matcher;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Who did what to a child's referral, when, under which request: every write and every
 * read of a referral is in the admin-queryable trail ({@code GET /v1/audit}) with the
 * token's subject, roles, tenant, status and request id, refusals included; the
 * referral's own trail names the same subject. Only admins read the trail.
 */
class AuditTrailTest extends MatcherComponentTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_referral_written_read_and_refused_is_in_the_admin_trail_with_subject_request_id_and_status()
			throws Exception {
		Caller team = crisisTeam(REGION);
		String written = "audit-" + UUID.randomUUID();
		String read = "audit-" + UUID.randomUUID();
		String refused = "audit-" + UUID.randomUUID();
		double[] child = ProvisionStates.somewhereApart();

		MockHttpServletResponse created = call(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON).content("""
				{"reference": "AUD-0001", "regionCode": "CTM", "age": 15, "sex": "MALE", "needs": ["MH_CRISIS"],
				 "currentSetting": "HOME", "location": {"lat": %s, "lon": %s}, "bedType": "CRISIS"}
				""".formatted(child[0], child[1])).header("X-Request-Id", written).with(as(team)));
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		String id = JsonPath.read(created.getContentAsString(), "$.id");
		assertThat(call(get("/v1/referrals/{id}", id).header("X-Request-Id", read).with(as(team))).getStatus())
			.isEqualTo(200);
		assertThat(call(get("/v1/referrals/{id}", id).header("X-Request-Id", refused).with(as(crisisTeam("CAV"))))
			.getStatus()).isEqualTo(403);
		assertThat(call(get("/v1/referrals/{id}", id).header("X-Request-Id", refused).with(as(Caller.admin())))
			.getStatus()).as("admins manage reference data, not children's data").isEqualTo(403);

		String byPath = trail("?path=/v1/referrals/" + id);
		assertThat(JsonPath.<List<String>>read(byPath, "$[?(@.requestId == '" + read + "')].subject"))
			.containsExactly(team.subject());
		assertThat(JsonPath.<List<String>>read(byPath, "$[?(@.requestId == '" + read + "')].method"))
			.containsExactly("GET");
		assertThat(JsonPath.<List<Integer>>read(byPath, "$[?(@.requestId == '" + read + "')].status"))
			.containsExactly(200);
		assertThat(JsonPath.<List<String>>read(byPath, "$[?(@.requestId == '" + read + "')].tenant"))
			.containsExactly(REGION);
		assertThat(JsonPath.<List<String>>read(byPath, "$[?(@.requestId == '" + refused + "')].roles"))
			.containsExactlyInAnyOrder("CRISIS_TEAM", "ADMIN");
		assertThat(JsonPath.<List<Integer>>read(byPath, "$[?(@.requestId == '" + refused + "')].status"))
			.containsOnly(403);
		String bySubject = trail("?subject=" + team.subject());
		assertThat(JsonPath.<List<String>>read(bySubject, "$[?(@.requestId == '" + written + "')].path"))
			.containsExactly("/v1/referrals");
		assertThat(JsonPath.<List<Integer>>read(bySubject, "$[?(@.requestId == '" + written + "')].status"))
			.containsExactly(201);
		assertThat(bySubject).as("no request body is recorded").doesNotContain("AUD-0001");

		assertThat(this.jdbc
			.sql("select action || ' ' || team_id || ' ' || request_id from referral_audit "
					+ "where referral_id = ?::uuid order by id")
			.param(id)
			.query(String.class)
			.list())
			.containsSubsequence("CREATED " + team.subject() + " " + written, "READ " + team.subject() + " " + read);
	}

	@Test
	void only_admins_read_the_trail() throws Exception {
		assertThat(call(get("/v1/audit?limit=1").with(as(Caller.admin()))).getStatus()).isEqualTo(200);
		assertThat(call(get("/v1/audit").with(as(Caller.provider(PROVIDER)))).getStatus()).isEqualTo(403);
		assertThat(call(get("/v1/audit").with(as(crisisTeam(REGION)))).getStatus()).isEqualTo(403);
		assertThat(call(get("/v1/audit").with(as(Caller.panel(REGION)))).getStatus()).isEqualTo(403);
		assertThat(call(get("/v1/audit").with(anonymous())).getStatus()).isEqualTo(401);
	}

	private String trail(String query) throws Exception {
		MockHttpServletResponse response = call(get("/v1/audit" + query).with(as(Caller.admin())));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletResponse call(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse();
	}

}
