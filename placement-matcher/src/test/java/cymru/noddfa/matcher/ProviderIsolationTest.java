package cymru.noddfa.matcher;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.RequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A provider answers only for its own beds, by every route the matcher has: the hold's
 * own address, the address of a referral it does hold a bed for, the hold lists and their
 * filters, a referral's hold history and the placement. Nothing another provider tries
 * changes a hold, a referral or the bed ledger; the keeping provider then answers as
 * usual.
 */
class ProviderIsolationTest extends MatcherComponentTest {

	private final ProvisionStates registry = new ProvisionStates();

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void close() {
		this.registry.close();
	}

	@Test
	void another_provider_cannot_answer_list_or_end_what_is_not_its_own_by_any_route() throws Exception {
		String keeper = "keeper-" + UUID.randomUUID().toString().substring(0, 8);
		String intruder = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
		double[] child = ProvisionStates.somewhereApart();
		var kept = ProvisionStates.provision(ProvisionStates.uniqueId("kept"))
			.provider(keeper)
			.at(child[0] + 0.02, child[1])
			.onlyBeds("CRISIS", 3, 3);
		var intrudersOwn = ProvisionStates.provision(ProvisionStates.uniqueId("intruders"))
			.provider(intruder)
			.at(child[0] + 0.04, child[1])
			.onlyBeds("CRISIS", 3, 3);
		this.registry.publish(kept);
		this.registry.publish(intrudersOwn);
		awaitFree(kept.id(), 3);
		awaitFree(intrudersOwn.id(), 3);
		Caller team = crisisTeam(REGION);
		String referral = create(child, team);
		String hold = hold(referral, kept.id(), team);
		String intrudersReferral = create(child, team);
		String intrudersHold = hold(intrudersReferral, intrudersOwn.id(), team);
		Caller other = Caller.provider(intruder);

		// the hold's own address, and the address of a referral the intruder does hold
		// for
		assertThat(status(post("/v1/referrals/{r}/holds/{h}/accept", referral, hold).with(as(other)))).isEqualTo(403);
		assertThat(status(post("/v1/referrals/{r}/holds/{h}/decline", referral, hold).with(as(other))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reasonCode\": \"NO_STAFF\"}"))).isEqualTo(403);
		assertThat(status(post("/v1/referrals/{r}/holds/{h}/accept", intrudersReferral, hold).with(as(other))))
			.isEqualTo(403);
		// lists and their filters show the intruder its own holds only
		for (String query : new String[] { "", "?status=ACTIVE", "?status=ACCEPTED" }) {
			String holds = body(get("/v1/holds" + query).with(as(other)));
			assertThat(JsonPath.<List<String>>read(holds, "$[*].holdId")).as(query).doesNotContain(hold);
		}
		assertThat(JsonPath.<List<String>>read(body(get("/v1/holds?status=ACTIVE").with(as(other))), "$[*].holdId"))
			.contains(intrudersHold);
		// a referral's hold history and the referral lists are not a provider's to read
		assertThat(status(get("/v1/referrals/{r}/holds", referral).with(as(other)))).isEqualTo(403);
		assertThat(status(get("/v1/referrals/{r}", referral).with(as(other)))).isEqualTo(403);
		assertThat(status(get("/v1/referrals?regionCode=" + REGION).with(as(other)))).isEqualTo(403);

		// nothing changed: the hold still waits for its own provider, the bed still held
		assertThat(holdStatus(hold)).isEqualTo("ACTIVE");
		assertThat(this.jdbc.sql("select held from bed_ledger where provision_id = ? and bed_type = 'CRISIS'")
			.param(kept.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from referral_audit where referral_id = ?::uuid and team_id = ?")
			.param(referral)
			.param("test:provider:" + intruder)
			.query(Integer.class)
			.single()).as("a refused provider left no trace in the referral").isZero();

		// the keeping provider accepts, the team places, and only the keeper may end it
		assertThat(status(post("/v1/referrals/{r}/holds/{h}/accept", referral, hold).with(as(Caller.provider(keeper)))))
			.isEqualTo(200);
		String placement = JsonPath.read(body(post("/v1/referrals/{r}/placements", referral).with(as(team))),
				"$.placementId");
		assertThat(status(post("/v1/placements/{p}/end", placement).with(as(other)))).isEqualTo(403);
		assertThat(status(get("/v1/placements/{p}", placement).with(as(other)))).isEqualTo(403);
		assertThat(status(post("/v1/placements/{p}/end", placement).with(as(Caller.provider(keeper))))).isEqualTo(200);
	}

	@Test
	void an_unknown_hold_status_is_a_400_naming_the_field() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/v1/holds?status=SNOOZED").with(as(Caller.provider(PROVIDER))))
			.andReturn()
			.getResponse();

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(JsonPath.<String>read(response.getContentAsString(), "$.field")).isEqualTo("status");
	}

	private String create(double[] child, Caller team) throws Exception {
		return JsonPath.read(body(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON).content("""
				{"reference": "ISO-0001", "regionCode": "CTM", "age": 13, "sex": "FEMALE", "needs": ["MH_CRISIS"],
				 "currentSetting": "HOME", "location": {"lat": %s, "lon": %s}, "bedType": "CRISIS", "maxKm": 60}
				""".formatted(child[0], child[1])).with(as(team))), "$.id");
	}

	private String hold(String referral, String provisionId, Caller team) throws Exception {
		return JsonPath.read(body(post("/v1/referrals/{r}/holds", referral).contentType(MediaType.APPLICATION_JSON)
			.content("{\"provisionId\": \"" + provisionId + "\"}")
			.with(as(team))), "$.holdId");
	}

	private String holdStatus(String hold) {
		return this.jdbc.sql("select status from holds where id = ?::uuid").param(hold).query(String.class).single();
	}

	private void awaitFree(String provisionId, int free) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(JsonPath.<List<Integer>>read(body(get("/v1/availability/{id}", provisionId)),
							"$.beds[?(@.bedType == 'CRISIS')].free"))
						.containsExactly(free));
	}

	private int status(RequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getStatus();
	}

	private String body(RequestBuilder request) throws Exception {
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isLessThan(300);
		return response.getContentAsString();
	}

}
