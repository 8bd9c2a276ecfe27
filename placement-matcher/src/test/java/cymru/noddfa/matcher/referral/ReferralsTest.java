package cymru.noddfa.matcher.referral;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.JsonSchema;
import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import cymru.noddfa.matcher.ReferralEvents;
import cymru.noddfa.testsupport.JsonSchemas;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReferralsTest extends MatcherComponentTest {

	private static final JsonSchema SCHEMA = JsonSchemas
		.load(Path.of("src/main/resources/contracts/matching.referral-events.v1.schema.json"));

	private final ProvisionStates registry = new ProvisionStates();

	private final ReferralEvents events = new ReferralEvents();

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void close() {
		this.registry.close();
		this.events.close();
	}

	@Test
	void a_crisis_team_creates_a_referral_and_it_is_announced_with_a_valid_event_and_audited() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var unit = ProvisionStates.provision(ProvisionStates.uniqueId("unit")).at(child[0] + 0.05, child[1]);
		this.registry.publish(unit);
		awaitFree(unit.id(), "CRISIS", 1);

		String id = create(referral(child, "CTM", "CTM-0042"), "ctm-duty-team");

		this.mvc.perform(get("/v1/referrals/{id}", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reference").value("CTM-0042"))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.currentSetting").value("A_AND_E"))
			.andExpect(jsonPath("$.needs[0]").value("MH_CRISIS"));
		this.mvc.perform(get("/v1/referrals").param("regionCode", "CTM"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')].reference").value("CTM-0042"));

		ConsumerRecord<String, String> created = this.events.await(id, 1).get(0);
		assertThat(ReferralEvents.header(created, "ce_type")).isEqualTo("cymru.noddfa.matching.ReferralCreated.v1");
		assertThat(ReferralEvents.header(created, "ce_source")).isEqualTo("/noddfa/placement-matcher");
		assertThat(ReferralEvents.header(created, "ce_subject")).isEqualTo(id);
		assertThat(JsonSchemas.violations(SCHEMA, created.value())).isEmpty();
		assertThat(created.value()).contains("\"bedType\":\"CRISIS\"", "\"currentSetting\":\"A_AND_E\"");

		assertThat(this.jdbc.sql("select action from referral_audit where referral_id = ?::uuid order by id")
			.param(id)
			.query(String.class)
			.list()).containsSubsequence("CREATED", "READ", "LISTED");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			a name                            | "reference": "JOHN-SMITH"      | reference
			a surname with a digit            | "reference": "SMITH1"          | reference
			a date of birth                   | "reference": "CTM-12-05-2011"  | reference
			an ISO date of birth              | "reference": "2011-05-12"      | reference
			a date of birth without hyphens   | "reference": "CTM-12052011"    | reference
			an NHS number                     | "reference": "4857773456"      | reference
			an NHS number written 3-3-4       | "reference": "485-777-3456"    | reference
			lower case                        | "reference": "ctm-0042"        | reference
			too short                         | "reference": "C1"              | reference
			spaces                            | "reference": "CTM 0042"        | reference
			no reference                      | "reference": null              | reference
			a name smuggled in a new field    | "reference": "CTM-0042", "childName": "Jo" | childName
			a name as the place               | "reference": "CTM-0042", "place": "Jo Bloggs" | place
			""")
	void a_referral_that_could_identify_the_child_is_refused(String name, String fields, String field)
			throws Exception {
		String body = """
				{%s, "regionCode": "CTM", "age": 14, "sex": "FEMALE", "needs": ["MH_CRISIS"],
				 "currentSetting": "HOME", "bedType": "CRISIS" %s}
				""".formatted(fields, fields.contains("place") ? "" : ", \"place\": \"Bridgend\"");
		this.mvc.perform(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(field));
	}

	@ParameterizedTest(name = "{1} -> 400 naming {2}")
	@CsvSource(delimiter = '|', textBlock = """
			bad JSON            | {"reference": "CTM-0042",                                   | body
			wrong type          | {"reference": "CTM-0042", "age": "fourteen"}               | age
			unknown bed type    | {"reference": "CTM-0042", "bedType": "HAMMOCK"}            | bedType
			unknown setting     | {"reference": "CTM-0042", "currentSetting": "SCHOOL"}      | currentSetting
			""")
	void a_malformed_referral_is_a_400_problem_naming_the_field(String name, String body, String field)
			throws Exception {
		this.mvc.perform(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value(field));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			an absurd distance          | "maxKm": 1e300                    | maxKm    | distance-too-far
			just too far                | "maxKm": 500.5                    | maxKm    | distance-too-far
			thirty-three needs          | "needs": [%s]                     | needs    | too-many-needs
			""")
	void a_referral_is_held_to_the_bounds_of_a_search_and_nothing_is_stored(String name, String field, String named,
			String type) throws Exception {
		String reference = "CTM-B" + (1000 + Math.abs(name.hashCode() % 9000));
		String needs = String.join(",", Collections.nCopies(33, "\"MH_CRISIS\""));
		String body = """
				{"reference": "%s", "regionCode": "CTM", "age": 14, "sex": "FEMALE", "currentSetting": "HOME",
				 "place": "Bridgend", "bedType": "CRISIS", %s}
				""".formatted(reference, field.formatted(needs));
		this.mvc.perform(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.field").value(named))
			.andExpect(jsonPath("$.type").value("https://noddfa.cymru/problems/" + type));
		assertThat(this.jdbc.sql("select count(*) from referrals where reference = ?")
			.param(reference)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void a_hold_is_accepted_and_the_child_is_placed_and_leaves_with_an_event_for_every_step() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var unit = ProvisionStates.provision(ProvisionStates.uniqueId("unit"))
			.at(child[0] + 0.05, child[1])
			.onlyBeds("CRISIS", 2, 2);
		this.registry.publish(unit);
		awaitFree(unit.id(), "CRISIS", 2);
		String id = create(referral(child, "CTM", "CTM-0101"), "team-a");

		String hold = JsonPath.read(this.mvc.perform(post("/v1/referrals/{id}/holds", id))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.provisionId").value(unit.id()))
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.inRegion").value(true))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.holdId");
		awaitFree(unit.id(), "CRISIS", 1);

		this.mvc.perform(post("/v1/referrals/{id}/holds/{hold}/accept", id, hold).with(asProvider()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"));
		String placement = JsonPath.read(this.mvc.perform(post("/v1/referrals/{id}/placements", id))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.provisionId").value(unit.id()))
			.andExpect(jsonPath("$.distanceKm").value(5.6))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.placementId");
		awaitFree(unit.id(), "CRISIS", 1);
		this.mvc.perform(post("/v1/placements/{id}/end", placement))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.endedAt").isNotEmpty());
		this.mvc.perform(get("/v1/referrals/{id}", id)).andExpect(jsonPath("$.status").value("ENDED"));

		this.events.await(id, 5);
		assertThat(this.events.types(id)).containsExactly("cymru.noddfa.matching.ReferralCreated.v1",
				"cymru.noddfa.matching.HoldPlaced.v1", "cymru.noddfa.matching.HoldAccepted.v1",
				"cymru.noddfa.matching.PlacementStarted.v1", "cymru.noddfa.matching.PlacementEnded.v1");
		for (ConsumerRecord<String, String> event : this.events.now(id)) {
			assertThat(JsonSchemas.violations(SCHEMA, event.value())).as(event.value()).isEmpty();
		}
		List<Integer> versions = this.events.now(id)
			.stream()
			.map((e) -> (Integer) JsonPath.read(e.value(), "$.referralVersion"))
			.toList();
		assertThat(versions).containsExactly(1, 2, 3, 4, 5);
	}

	@Test
	void a_crisis_stay_still_open_after_72_hours_raises_an_overrun_once() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var unit = ProvisionStates.provision(ProvisionStates.uniqueId("overrun")).at(child[0] + 0.02, child[1]);
		this.registry.publish(unit);
		awaitFree(unit.id(), "CRISIS", 1);
		String id = create(referral(child, "CTM", "CTM-0808"), "team-o");
		String hold = holdBest(id, unit.id());
		this.mvc.perform(post("/v1/referrals/{id}/holds/{hold}/accept", id, hold).with(asProvider()))
			.andExpect(status().isOk());
		this.mvc.perform(post("/v1/referrals/{id}/placements", id)).andExpect(status().isCreated());

		this.jdbc.sql("update placements set started_at = now() - interval '73 hours' where referral_id = ?::uuid")
			.param(id)
			.update();

		this.events.await(id, 5);
		ConsumerRecord<String, String> overrun = this.events.now(id).get(4);
		assertThat(ReferralEvents.header(overrun, "ce_type")).isEqualTo("cymru.noddfa.matching.CrisisStayOverran.v1");
		assertThat(JsonSchemas.violations(SCHEMA, overrun.value())).isEmpty();
		assertThat(this.events.now(id)).as("reported once").hasSize(5);
	}

	@Test
	void a_hold_cannot_be_answered_through_another_referral() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var unit = ProvisionStates.provision(ProvisionStates.uniqueId("idor"))
			.at(child[0] + 0.02, child[1])
			.onlyBeds("CRISIS", 2, 2);
		this.registry.publish(unit);
		awaitFree(unit.id(), "CRISIS", 2);
		String mine = create(referral(child, "CTM", "CTM-0909"), "team-x");
		String theirs = create(referral(child, "CTM", "CTM-0910"), "team-y");
		String hold = holdBest(mine, unit.id());

		this.mvc.perform(post("/v1/referrals/{id}/holds/{hold}/accept", theirs, hold).with(asProvider()))
			.andExpect(status().isConflict());
		this.mvc.perform(get("/v1/referrals/{id}/holds", mine)).andExpect(jsonPath("$[0].status").value("ACTIVE"));
		this.mvc.perform(get("/v1/referrals/{id}", "not-a-uuid"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("referralId"));
		this.mvc.perform(get("/v1/referrals/{id}", java.util.UUID.randomUUID()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.field").value("referralId"));
	}

	@Test
	void a_declined_hold_returns_the_bed_records_the_reason_and_rematches_the_referral() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var first = ProvisionStates.provision(ProvisionStates.uniqueId("first")).at(child[0] + 0.02, child[1]);
		var second = ProvisionStates.provision(ProvisionStates.uniqueId("second")).at(child[0] + 0.1, child[1]);
		this.registry.publish(first);
		this.registry.publish(second);
		awaitFree(first.id(), "CRISIS", 1);
		awaitFree(second.id(), "CRISIS", 1);
		String id = create(referral(child, "CTM", "CTM-0202"), "team-b");
		String hold = holdBest(id, first.id());
		awaitFree(first.id(), "CRISIS", 0);

		this.mvc
			.perform(post("/v1/referrals/{id}/holds/{hold}/decline", id, hold).with(asProvider())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reasonCode\": \"NO_STAFF\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DECLINED"))
			.andExpect(jsonPath("$.reasonCode").value("NO_STAFF"));

		awaitFree(first.id(), "CRISIS", 1);
		this.mvc.perform(get("/v1/referrals/{id}", id)).andExpect(jsonPath("$.status").value("OPEN"));
		this.events.await(id, 4);
		assertThat(this.events.types(id)).containsSubsequence("cymru.noddfa.matching.HoldDeclined.v1",
				"cymru.noddfa.matching.MatchAvailable.v1");
		String match = this.events.now(id).get(3).value();
		assertThat((String) JsonPath.read(match, "$.provisionId")).as("the declining unit is not offered again")
			.isEqualTo(second.id());
		assertThat((String) JsonPath.read(this.events.now(id).get(2).value(), "$.reasonCode")).isEqualTo("NO_STAFF");
	}

	@Test
	void an_unanswered_hold_expires_returns_the_bed_and_the_referral_is_open_again() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var unit = ProvisionStates.provision(ProvisionStates.uniqueId("slow")).at(child[0] + 0.02, child[1]);
		this.registry.publish(unit);
		awaitFree(unit.id(), "CRISIS", 1);
		String id = create(referral(child, "CTM", "CTM-0303"), "team-c");
		String hold = holdBest(id, unit.id());
		awaitFree(unit.id(), "CRISIS", 0);

		// the provider's 30 minutes pass
		this.jdbc.sql("update holds set expires_at = now() - interval '1 second' where id = ?::uuid")
			.param(hold)
			.update();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> this.mvc.perform(get("/v1/referrals/{id}/holds", id))
				.andExpect(jsonPath("$[0].status").value("EXPIRED")));
		awaitFree(unit.id(), "CRISIS", 1);
		this.mvc.perform(get("/v1/referrals/{id}", id)).andExpect(jsonPath("$.status").value("OPEN"));
		this.events.await(id, 4);
		assertThat(this.events.types(id)).containsExactly("cymru.noddfa.matching.ReferralCreated.v1",
				"cymru.noddfa.matching.HoldPlaced.v1", "cymru.noddfa.matching.HoldExpired.v1",
				"cymru.noddfa.matching.MatchAvailable.v1");
	}

	@Test
	void a_cancelled_referral_gives_its_bed_back() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var unit = ProvisionStates.provision(ProvisionStates.uniqueId("cancel")).at(child[0] + 0.02, child[1]);
		this.registry.publish(unit);
		awaitFree(unit.id(), "CRISIS", 1);
		String id = create(referral(child, "CTM", "CTM-0404"), "team-d");
		holdBest(id, unit.id());
		awaitFree(unit.id(), "CRISIS", 0);

		this.mvc.perform(post("/v1/referrals/{id}/cancel", id))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"));
		awaitFree(unit.id(), "CRISIS", 1);
		this.mvc.perform(post("/v1/referrals/{id}/cancel", id))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://noddfa.cymru/problems/referral-state"));
		// the provider asked for the bed hears which hold went with the referral
		assertThat(this.events.await(id, 3).get(2).value()).contains("ReferralCancelled",
				"\"provisionId\":\"" + unit.id() + "\"", "\"holdId\":", "\"bedType\":\"CRISIS\"");
	}

	@Test
	void a_bed_given_back_is_announced_to_a_referral_waiting_for_it() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var unit = ProvisionStates.provision(ProvisionStates.uniqueId("last")).at(child[0] + 0.02, child[1]);
		this.registry.publish(unit);
		awaitFree(unit.id(), "CRISIS", 1);
		String first = create(referral(child, "CTM", "CTM-1001"), "team-first");
		holdBest(first, unit.id());
		awaitFree(unit.id(), "CRISIS", 0);
		String waiting = create(referral(child, "CTM", "CTM-1002"), "team-waiting");
		this.mvc.perform(get("/v1/referrals/{id}", waiting)).andExpect(jsonPath("$.status").value("ESCALATED"));

		this.mvc.perform(post("/v1/referrals/{id}/cancel", first)).andExpect(status().isOk());

		ConsumerRecord<String, String> match = this.events.await(waiting, 3).get(2);
		assertThat(ReferralEvents.header(match, "ce_type")).isEqualTo("cymru.noddfa.matching.MatchAvailable.v1");
		assertThat((String) JsonPath.read(match.value(), "$.provisionId")).isEqualTo(unit.id());
	}

	@Test
	void a_team_cannot_hold_more_beds_than_its_cap() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var unit = ProvisionStates.provision(ProvisionStates.uniqueId("cap"))
			.at(child[0] + 0.02, child[1])
			.onlyBeds("CRISIS", 10, 10);
		this.registry.publish(unit);
		awaitFree(unit.id(), "CRISIS", 10);
		String team = ProvisionStates.uniqueId("hoarders");
		for (int i = 0; i < 3; i++) {
			holdBest(create(referral(child, "CTM", "CTM-05" + i + "0"), team), unit.id());
		}
		String fourth = create(referral(child, "CTM", "CTM-0599"), team);

		this.mvc.perform(post("/v1/referrals/{id}/holds", fourth))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://noddfa.cymru/problems/hold-cap-reached"))
			.andExpect(jsonPath("$.field").value("sub"));
		this.mvc.perform(get("/v1/referrals/{id}", fourth)).andExpect(jsonPath("$.status").value("OPEN"));
		awaitFree(unit.id(), "CRISIS", 7);
	}

	@Test
	void a_referral_with_nothing_in_its_region_is_escalated_at_once_with_out_of_region_options_nearest_first()
			throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var near = ProvisionStates.provision(ProvisionStates.uniqueId("gwent"))
			.at(child[0] + 0.1, child[1])
			.region("GWE");
		var far = ProvisionStates.provision(ProvisionStates.uniqueId("cardiff"))
			.at(child[0] + 0.3, child[1])
			.region("CAV");
		this.registry.publish(far);
		this.registry.publish(near);
		awaitFree(near.id(), "CRISIS", 1);
		awaitFree(far.id(), "CRISIS", 1);

		String id = create(referral(child, "POW", "POW-0015"), "powys-team");

		this.mvc.perform(get("/v1/referrals/{id}", id).with(as(crisisTeam("POW"))))
			.andExpect(jsonPath("$.status").value("ESCALATED"))
			.andExpect(jsonPath("$.outOfRegionOptions[0].provisionId").value(near.id()))
			.andExpect(jsonPath("$.outOfRegionOptions[1].provisionId").value(far.id()));
		ConsumerRecord<String, String> escalated = this.events.await(id, 2).get(1);
		assertThat(ReferralEvents.header(escalated, "ce_type")).isEqualTo("cymru.noddfa.matching.ReferralEscalated.v1");
		assertThat(JsonSchemas.violations(SCHEMA, escalated.value())).isEmpty();
		assertThat((List<String>) JsonPath.read(escalated.value(), "$.outOfRegionOptions[*].provisionId"))
			.containsExactly(near.id(), far.id());
	}

	@Test
	void a_waiting_referral_hears_once_of_a_new_fit_in_its_region() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var elsewhere = ProvisionStates.provision(ProvisionStates.uniqueId("elsewhere"))
			.at(child[0] + 0.1, child[1])
			.region("GWE");
		this.registry.publish(elsewhere);
		awaitFree(elsewhere.id(), "CRISIS", 1);
		String id = create(referral(child, "CTM", "CTM-0707"), "team-w");
		this.mvc.perform(get("/v1/referrals/{id}", id)).andExpect(jsonPath("$.status").value("ESCALATED"));

		var opened = ProvisionStates.provision(ProvisionStates.uniqueId("opened")).at(child[0] + 0.2, child[1]);
		this.registry.publish(opened);
		this.events.await(id, 3);
		this.registry.publish(opened.version(2).onlyBeds("CRISIS", 3, 2));
		awaitFree(opened.id(), "CRISIS", 2);

		ConsumerRecord<String, String> match = this.events.now(id).get(2);
		assertThat(ReferralEvents.header(match, "ce_type")).isEqualTo("cymru.noddfa.matching.MatchAvailable.v1");
		assertThat((String) JsonPath.read(match.value(), "$.provisionId")).isEqualTo(opened.id());
		assertThat(JsonSchemas.violations(SCHEMA, match.value())).isEmpty();
		assertThat(this.events.now(id)).as("announced once while the fit lasts").hasSize(3);
	}

	@Test
	void no_event_carries_anything_but_the_contracted_fields() throws Exception {
		assertThat(SCHEMA.getSchemaNode().get("additionalProperties").asBoolean()).isFalse();
		Set<String> fields = Set.of("eventId", "type", "referralId", "referralVersion", "occurredAt", "regionCode",
				"reference", "bedType", "needs", "holdId", "placementId", "provisionId", "expiresAt", "at",
				"reasonCode", "outOfRegionOptions", "referringRegionCode", "currentSetting", "provisionRegionCode",
				"inRegion", "distanceKm", "outOfRegionReason");
		SCHEMA.getSchemaNode().get("properties").fieldNames().forEachRemaining((f) -> assertThat(fields).contains(f));
		String free = """
				{"eventId": "6f1c2a52-8c1e-4d6b-9a55-0f7d3a1b2c3d", "type": "ReferralCreated",
				 "referralId": "0b5e6a8e-3c2f-4e7a-9d1b-2f4c6e8a0b1c", "referralVersion": 1,
				 "occurredAt": "2026-11-23T02:00:00Z", "regionCode": "CTM", "reference": "CTM-0042",
				 "bedType": "CRISIS", "needs": [], "note": "Jo is scared"}
				""";
		assertThat(JsonSchemas.violations(SCHEMA, free)).isNotEmpty();
	}

	/** Creates the referral as a member of {@code team}, a crisis team of its region. */
	private String create(String body, String team) throws Exception {
		String region = JsonPath.read(body, "$.regionCode");
		return JsonPath.read(this.mvc
			.perform(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON)
				.content(body)
				.with(as(Caller.crisisTeam(region).as(team))))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	private String holdBest(String referralId, String expectedProvision) throws Exception {
		return JsonPath.read(this.mvc.perform(post("/v1/referrals/{id}/holds", referralId))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.provisionId").value(expectedProvision))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.holdId");
	}

	static String referral(double[] child, String region, String reference) {
		return """
				{"reference": "%s", "regionCode": "%s", "age": 14, "sex": "FEMALE", "needs": ["MH_CRISIS"],
				 "currentSetting": "A_AND_E", "location": {"lat": %s, "lon": %s}, "bedType": "CRISIS",
				 "latestAdmissionAt": "2026-11-24T02:00:00Z", "maxKm": 60}
				""".formatted(reference, region, child[0], child[1]);
	}

	private void awaitFree(String provisionId, String bedType, int free) {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", provisionId))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.beds[?(@.bedType == '" + bedType + "')].free").value(free)));
	}

}
