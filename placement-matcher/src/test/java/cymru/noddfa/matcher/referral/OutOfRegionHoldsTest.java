package cymru.noddfa.matcher.referral;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.JsonSchema;
import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import cymru.noddfa.matcher.ReferralEvents;
import cymru.noddfa.testsupport.JsonSchemas;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The child's region is the child's, and a bed outside it is governed (issue 13): events
 * go to and come from the real broker, as the panels service sends and reads them.
 */
class OutOfRegionHoldsTest extends MatcherComponentTest {

	private static final JsonSchema SCHEMA = JsonSchemas
		.load(Path.of("src/main/resources/contracts/matching.referral-events.v1.schema.json"));

	private final ProvisionStates registry = new ProvisionStates();

	private final ReferralEvents events = new ReferralEvents();

	@Autowired
	JdbcClient jdbc;

	private final KafkaProducer<String, String> panels = new KafkaProducer<>(
			Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"), "acks", "all"),
			new StringSerializer(), new StringSerializer());

	@AfterEach
	void close() {
		this.registry.close();
		this.events.close();
		this.panels.close();
	}

	@Test
	void a_cardiff_team_refers_a_powys_child_ranked_against_powys_and_seen_by_powys_not_by_gwent() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		unit("cardiff", "CAV", "CRISIS", child, 0.01);
		var powys = unit("powys", "POW", "CRISIS", child, 0.2);
		Caller cardiffTeam = crisisTeam("CAV");

		String id = refer(child, "POW", "CRISIS", cardiffTeam);
		this.mvc.perform(get("/v1/referrals/{id}", id).with(as(cardiffTeam)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.regionCode").value("POW"))
			.andExpect(jsonPath("$.referringRegionCode").value("CAV"))
			.andExpect(jsonPath("$.status").value("OPEN"));
		this.mvc.perform(post("/v1/referrals/{id}/holds", id).with(as(cardiffTeam)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.provisionId").value(powys.id()))
			.andExpect(jsonPath("$.inRegion").value(true));

		for (Caller sees : List.of(Caller.crisisTeam("POW"), Caller.panel("POW"), cardiffTeam)) {
			this.mvc.perform(get("/v1/referrals/{id}", id).with(as(sees))).andExpect(status().isOk());
		}
		for (Caller not : List.of(Caller.crisisTeam("GWE"), Caller.panel("GWE"), Caller.panel("CAV"))) {
			this.mvc.perform(get("/v1/referrals/{id}", id).with(as(not))).andExpect(status().isForbidden());
		}
		assertListed(id, Caller.panel("POW"), "POW", true);
		assertListed(id, Caller.crisisTeam("CAV"), "CAV", true);
		assertListed(id, Caller.panel("CAV"), "CAV", false);
		assertListed(id, Caller.crisisTeam("GWE"), "GWE", false);
		// the hold on the bed it asked for: the referring team and Powys list it, no one
		// else
		assertHoldListed(id, cardiffTeam, true);
		assertHoldListed(id, Caller.crisisTeam("POW"), true);
		assertHoldListed(id, Caller.panel("POW"), true);
		assertHoldListed(id, Caller.panel("CAV"), false);
		assertHoldListed(id, Caller.crisisTeam("GWE"), false);

		ConsumerRecord<String, String> created = this.events.await(id, 1).get(0);
		assertThat(created.value()).contains("\"regionCode\":\"POW\"", "\"referringRegionCode\":\"CAV\"",
				"\"currentSetting\":\"A_AND_E\"");
		ConsumerRecord<String, String> held = this.events.await(id, 2).get(1);
		assertThat(held.value()).contains("\"inRegion\":true", "\"provisionRegionCode\":\"POW\"")
			.doesNotContain("outOfRegionReason");
		assertThat(JsonSchemas.violations(SCHEMA, held.value())).isEmpty();
	}

	@Test
	void an_assessment_bed_out_of_region_waits_for_the_panel_then_is_held_once_approved() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var bridgend = unit("bridgend", "CTM", "ASSESSMENT", child, 0.05);
		Caller powysTeam = crisisTeam("POW");
		String id = refer(child, "POW", "ASSESSMENT", powysTeam);
		this.mvc.perform(get("/v1/referrals/{id}", id).with(as(powysTeam)))
			.andExpect(jsonPath("$.status").value("ESCALATED"));

		hold(id, powysTeam, bridgend.id(), null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("outOfRegionReason"));
		hold(id, powysTeam, bridgend.id(), "NO_SUITABLE_BED_IN_REGION").andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://noddfa.cymru/problems/panel-approval-pending"))
			.andExpect(jsonPath("$.field").value("provisionId"));
		this.mvc
			.perform(holdRequest(id, powysTeam, bridgend.id(), "NO_SUITABLE_BED_IN_REGION")
				.header(HttpHeaders.ACCEPT_LANGUAGE, "cy"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Aros am gymeradwyaeth y panel"));
		hold(id, powysTeam, null, "NO_SUITABLE_BED_IN_REGION").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://noddfa.cymru/problems/no-bed-free"));

		assertThat(this.events.await(id, 3).stream().map(OutOfRegionHoldsTest::typeOf))
			.containsExactly("ReferralCreated", "ReferralEscalated", "OutOfRegionApprovalRequested");
		ConsumerRecord<String, String> requested = this.events.now(id).get(2);
		assertThat(requested.value()).contains("\"provisionId\":\"" + bridgend.id() + "\"",
				"\"bedType\":\"ASSESSMENT\"", "\"outOfRegionReason\":\"NO_SUITABLE_BED_IN_REGION\"");
		assertThat(JsonSchemas.violations(SCHEMA, requested.value())).isEmpty();

		decide(id, "APPROVE_OUT_OF_REGION", "NO_SUITABLE_BED_IN_REGION", bridgend.id(), null);

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> hold(id, powysTeam, bridgend.id(), "NO_SUITABLE_BED_IN_REGION")
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.inRegion").value(false)));
		List<ConsumerRecord<String, String>> all = this.events.await(id, 4);
		assertThat(all.stream().map(OutOfRegionHoldsTest::typeOf).filter("OutOfRegionApprovalRequested"::equals))
			.hasSize(1);
		String held = all.get(3).value();
		assertThat(held).contains("\"type\":\"HoldPlaced\"", "\"inRegion\":false", "\"provisionRegionCode\":\"CTM\"",
				"\"outOfRegionReason\":\"NO_SUITABLE_BED_IN_REGION\"");
		assertThat(JsonSchemas.violations(SCHEMA, held)).isEmpty();
	}

	@Test
	void a_refusal_or_a_superseding_decision_takes_an_approval_back_and_each_decision_counts_once() {
		String referral = UUID.randomUUID().toString();

		Decision approval = decide(referral, "APPROVE_OUT_OF_REGION", "NO_SUITABLE_BED_IN_REGION", "far-unit", null);
		awaitApproved(referral, "far-unit", true);
		decide(referral, "CLOSE", "RECORDED_IN_ERROR", null, approval.id());
		awaitApproved(referral, "far-unit", false);

		send(referral, approval.json());
		Decision again = decide(referral, "APPROVE_OUT_OF_REGION", "CHILD_OR_FAMILY_PREFERENCE", "far-unit", null);
		awaitApproved(referral, "far-unit", true);
		assertThat(this.jdbc.sql("select decision_id from panel_approvals where referral_id = ?::uuid")
			.param(referral)
			.query(UUID.class)
			.single()).as("the redelivered approval changed nothing").isEqualTo(again.id());

		decide(referral, "REFUSE_OUT_OF_REGION", "TOO_FAR_FROM_HOME", "far-unit", null);
		awaitApproved(referral, "far-unit", false);
	}

	@Test
	void an_unreadable_panel_event_goes_to_the_dead_letter_topic_and_the_next_is_applied() {
		String referral = UUID.randomUUID().toString();
		try (var deadLetters = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(
				Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"), "group.id",
						"test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new org.apache.kafka.common.serialization.StringDeserializer(),
				new org.apache.kafka.common.serialization.StringDeserializer())) {
			deadLetters.subscribe(List.of("panels.case-events.v1.dlt"));

			send(referral, "{\"type\": \"DecisionRecorded\"}");
			decide(referral, "APPROVE_OUT_OF_REGION", "NO_SUITABLE_BED_IN_REGION", "far-unit", null);

			awaitApproved(referral, "far-unit", true);
			List<String> parked = new java.util.ArrayList<>();
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				deadLetters.poll(Duration.ofMillis(200)).forEach((r) -> parked.add(r.key()));
				return parked.contains(referral);
			});
		}
	}

	@Test
	void a_crisis_bed_out_of_region_is_held_at_once_with_a_reason_and_never_without() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var cardiff = unit("cardiff", "CAV", "CRISIS", child, 0.05);
		Caller powysTeam = crisisTeam("POW");
		String id = refer(child, "POW", "CRISIS", powysTeam);

		hold(id, powysTeam, null, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("outOfRegionReason"));
		hold(id, powysTeam, cardiff.id(), "SAFEGUARDING_DISTANCE").andExpect(status().isCreated())
			.andExpect(jsonPath("$.inRegion").value(false));

		ConsumerRecord<String, String> held = this.events.await(id, 3).get(2);
		assertThat(held.value()).contains("\"type\":\"HoldPlaced\"", "\"inRegion\":false",
				"\"provisionRegionCode\":\"CAV\"", "\"outOfRegionReason\":\"SAFEGUARDING_DISTANCE\"");
		assertThat(JsonSchemas.violations(SCHEMA, held.value())).isEmpty();
	}

	private ProvisionStates.Provision unit(String stem, String region, String bedType, double[] child, double north)
			throws Exception {
		var unit = ProvisionStates.provision(ProvisionStates.uniqueId(stem)).at(child[0] + north, child[1]);
		unit.regionCode = region;
		unit.beds.clear();
		unit.beds.put(bedType, new int[] { 2, 2 });
		this.registry.publish(unit);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", unit.id()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.beds[0].free").value(2)));
		return unit;
	}

	private String refer(double[] child, String homeRegion, String bedType, Caller team) throws Exception {
		String body = """
				{"reference": "T-%s", "regionCode": "%s", "age": 14, "sex": "FEMALE", "needs": ["MH_CRISIS"],
				 "currentSetting": "A_AND_E", "location": {"lat": %s, "lon": %s}, "bedType": "%s", "maxKm": 60}
				""".formatted(String.format("%04d", ThreadLocalRandom.current().nextInt(10_000)), homeRegion, child[0],
				child[1], bedType);
		return JsonPath.read(this.mvc
			.perform(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON).content(body).with(as(team)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	private ResultActions hold(String id, Caller team, String provisionId, String reason) throws Exception {
		return this.mvc.perform(holdRequest(id, team, provisionId, reason));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder holdRequest(String id,
			Caller team, String provisionId, String reason) {
		String body = "{" + ((provisionId != null) ? "\"provisionId\": \"" + provisionId + "\"" : "")
				+ ((provisionId != null && reason != null) ? ", " : "")
				+ ((reason != null) ? "\"outOfRegionReason\": \"" + reason + "\"" : "") + "}";
		return post("/v1/referrals/{id}/holds", id).contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.with(as(team));
	}

	private void assertListed(String id, Caller caller, String region, boolean listed) throws Exception {
		String found = this.mvc.perform(get("/v1/referrals").param("regionCode", region).with(as(caller)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(found.contains(id)).as(caller + " lists " + region).isEqualTo(listed);
	}

	private void assertHoldListed(String referralId, Caller caller, boolean listed) throws Exception {
		String found = this.mvc.perform(get("/v1/holds").with(as(caller)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(found.contains(referralId)).as(caller + " lists the hold").isEqualTo(listed);
	}

	private record Decision(UUID id, String json) {
	}

	private void awaitApproved(String referral, String provisionId, boolean approved) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc
				.sql("select count(*) from panel_approvals where referral_id = ?::uuid and provision_id = ? "
						+ "and approved = ?")
				.params(referral, provisionId, approved)
				.query(Integer.class)
				.single() == 1);
	}

	private static String typeOf(ConsumerRecord<String, String> record) {
		return JsonPath.read(record.value(), "$.type");
	}

	/** A decision as the panels service publishes it. */
	private Decision decide(String referralId, String type, String reason, String provisionId, UUID supersedes) {
		UUID decision = UUID.randomUUID();
		String value = """
				{"eventId": "%s", "type": "DecisionRecorded", "occurredAt": "%s", "caseId": "%s", "caseVersion": 2,
				 "referralId": "%s", "regionCode": "POW", "decisionId": "%s", "decisionType": "%s",
				 "reasonCode": "%s"%s%s}
				""".formatted(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), referralId, decision, type, reason,
				(provisionId != null) ? ", \"provisionId\": \"" + provisionId + "\"" : "",
				(supersedes != null) ? ", \"supersedes\": \"" + supersedes + "\"" : "");
		send(referralId, value);
		return new Decision(decision, value);
	}

	private void send(String referralId, String value) {
		ProducerRecord<String, String> record = new ProducerRecord<>("panels.case-events.v1", referralId, value);
		record.headers().add("ce_type", "cymru.noddfa.panels.DecisionRecorded.v1".getBytes(StandardCharsets.UTF_8));
		try {
			this.panels.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
