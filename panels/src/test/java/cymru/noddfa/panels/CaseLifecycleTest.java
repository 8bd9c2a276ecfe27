package cymru.noddfa.panels;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.networknt.schema.JsonSchema;
import cymru.noddfa.testsupport.JsonSchemas;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A case's life as a panel sees it: opened once by the first event that needs the panel,
 * a timeline of the whole referral, decisions that are only ever added.
 */
class CaseLifecycleTest extends ServiceTest {

	private static final JsonSchema schema = JsonSchemas
		.load(Path.of("src/main/resources/contracts/panels.case-events.v1.schema.json"));

	@Test
	void a_powys_child_escalated_from_a_cardiff_a_and_e_gets_one_powys_case_with_the_whole_history() {
		String referral = UUID.randomUUID().toString();
		Instant created = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
		UUID escalation = UUID.randomUUID();
		List<Map<String, Object>> events = List.of(
				ReferralEvents.event(UUID.randomUUID(), "ReferralCreated", referral, 1, created, "POW",
						Map.of("referringRegionCode", "CAV", "currentSetting", "A_AND_E", "bedType", "ASSESSMENT",
								"needs", List.of("MH_CRISIS"))),
				ReferralEvents.event(UUID.randomUUID(), "HoldPlaced", referral, 2, created.plusSeconds(600), "POW",
						Map.of("referringRegionCode", "CAV", "holdId", UUID.randomUUID().toString(), "provisionId",
								"pow-unit", "bedType", "ASSESSMENT", "expiresAt", created.plusSeconds(2400).toString(),
								"provisionRegionCode", "POW", "inRegion", true, "distanceKm", 14.5)),
				ReferralEvents.event(UUID.randomUUID(), "HoldDeclined", referral, 3, created.plusSeconds(1200), "POW",
						Map.of("holdId", UUID.randomUUID().toString(), "provisionId", "pow-unit", "bedType",
								"ASSESSMENT", "reasonCode", "NO_STAFF")),
				ReferralEvents.event(escalation, "ReferralEscalated", referral, 4, created.plusSeconds(1800), "POW",
						Map.of("referringRegionCode", "CAV", "outOfRegionOptions", List.of())));
		ReferralEvents.publish(events);
		String caseId = awaitCase(referral);
		// the broker delivers at least once, and a later trigger must not open a second
		// case
		ReferralEvents.publish(events.get(3));
		ReferralEvents.publish(ReferralEvents.event(UUID.randomUUID(), "CrisisStayOverran", referral, 5,
				created.plusSeconds(7200), "POW", Map.of("placementId", UUID.randomUUID().toString(), "provisionId",
						"pow-unit", "referringRegionCode", "CAV")));
		awaitEvents(referral, 5);

		JsonNode found = caseAs(identity.panel("POW"), caseId);

		assertThat(this.jdbc.sql("select count(*) from panel_cases where referral_id = ?::uuid")
			.param(referral)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(found.at("/summary/openedBecause").asString()).isEqualTo("ESCALATED");
		assertThat(found.at("/summary/regionCode").asString()).isEqualTo("POW");
		assertThat(found.at("/summary/referringRegionCode").asString()).isEqualTo("CAV");
		assertThat(found.at("/summary/minutesSinceReferral").asLong()).isBetween(179L, 185L);
		assertThat(found.at("/summary/minutesSinceEscalation").asLong()).isBetween(149L, 155L);
		assertThat(found.at("/summary/flags").toString()).contains("WAITING_FOR_FUNDING");
		List<String> types = new ArrayList<>();
		found.get("timeline").forEach((entry) -> types.add(entry.get("type").asString()));
		assertThat(types).containsExactly("ReferralCreated", "HoldPlaced", "HoldDeclined", "ReferralEscalated",
				"CrisisStayOverran");
		assertThat(listAs(identity.panel("POW"), "POW")).contains(referral);
		assertThat(listAs(identity.crisisTeam("CAV"), "CAV")).as("the referring team").contains(referral);
		assertThat(listAs(identity.crisisTeam("POW"), "POW")).as("the child's home team").contains(referral);
		assertThat(listAs(identity.panel("CAV"), "CAV")).as("the referring region's panel").doesNotContain(referral);
		as(identity.panel("GWE")).get().uri("/v1/cases/{id}", caseId).exchange().expectStatus().isForbidden();
		as(identity.crisisTeam("GWE")).get().uri("/v1/cases/{id}", caseId).exchange().expectStatus().isForbidden();
	}

	@Test
	void a_powys_child_escalated_at_two_in_the_morning_is_in_the_powys_queue_within_two_seconds() {
		// the service's own clock reads 02:00 in Wales: nothing waits for office hours
		ZoneId wales = ZoneId.of("Europe/London");
		ZonedDateTime now = ZonedDateTime.now(wales);
		ZonedDateTime twoAm = now.toLocalDate().plusDays(1).atTime(LocalTime.of(2, 0)).atZone(wales);
		moveClock(Duration.between(now, twoAm));
		Instant escalatedAt = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		assertThat(escalatedAt.atZone(wales).getHour()).isEqualTo(2);
		String referral = UUID.randomUUID().toString();
		ReferralEvents
			.publish(List.of(
					ReferralEvents.event(UUID.randomUUID(), "ReferralCreated", referral, 1,
							escalatedAt.minus(Duration.ofMinutes(30)), "POW",
							Map.of("currentSetting", "A_AND_E", "bedType", "ASSESSMENT", "needs",
									List.of("MH_CRISIS"))),
					ReferralEvents.event(UUID.randomUUID(), "ReferralEscalated", referral, 2, escalatedAt, "POW",
							Map.of("outOfRegionOptions", List.of()))));
		long published = System.nanoTime();

		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> listAs(identity.panel("POW"), "POW").contains(referral));
		System.out.printf("Escalated at 02:00, in the Powys queue %d ms after the event was published%n",
				(System.nanoTime() - published) / 1_000_000);
		JsonNode found = caseAs(identity.panel("POW"), awaitCase(referral));
		assertThat(found.at("/summary/openedBecause").asString()).isEqualTo("ESCALATED");
		assertThat(Instant.parse(found.at("/summary/escalatedAt").asString())).isEqualTo(escalatedAt);
		assertThat(found.at("/summary/minutesSinceReferral").asLong()).isBetween(30L, 31L);
		assertThat(listAs(identity.panel("GWE"), "GWE")).doesNotContain(referral);
	}

	@Test
	void an_out_of_region_hold_or_approval_request_opens_a_case_and_an_in_region_hold_does_not() {
		String outOfRegion = UUID.randomUUID().toString();
		String requested = UUID.randomUUID().toString();
		String inRegion = UUID.randomUUID().toString();
		Instant now = Instant.now();
		ReferralEvents.publish(List.of(
				ReferralEvents.event(UUID.randomUUID(), "HoldPlaced", outOfRegion, 2, now, "WWA",
						Map.of("holdId", UUID.randomUUID().toString(), "provisionId", "cav-unit", "bedType", "CRISIS",
								"expiresAt", now.plusSeconds(1800).toString(), "provisionRegionCode", "CAV", "inRegion",
								false, "distanceKm", 80, "outOfRegionReason", "NO_SUITABLE_BED_IN_REGION")),
				ReferralEvents.event(UUID.randomUUID(), "OutOfRegionApprovalRequested", requested, 2, now, "WWA",
						Map.of("provisionId", "cav-unit", "bedType", "ASSESSMENT", "outOfRegionReason",
								"NEEDS_NOT_MET_IN_REGION")),
				ReferralEvents.event(UUID.randomUUID(), "HoldPlaced", inRegion, 2, now, "WWA",
						Map.of("holdId", UUID.randomUUID().toString(), "provisionId", "wwa-unit", "bedType", "CRISIS",
								"expiresAt", now.plusSeconds(1800).toString()))));

		awaitCase(outOfRegion);
		awaitCase(requested);
		awaitEvents(inRegion, 1);

		assertThat(this.jdbc
			.sql("select opened_because from panel_cases where referral_id in (?::uuid, ?::uuid) "
					+ "order by opened_because")
			.params(outOfRegion, requested)
			.query(String.class)
			.list()).containsExactly("OUT_OF_REGION_HOLD", "OUT_OF_REGION_REQUESTED");
		assertThat(this.jdbc.sql("select count(*) from panel_cases where referral_id = ?::uuid")
			.param(inRegion)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void decisions_are_only_ever_added_and_a_correction_keeps_both_on_the_timeline() {
		String referral = escalatedReferral("NWA");
		String caseId = awaitCase(referral);

		JsonNode first = decide("NWA", caseId, """
				{"type": "AGREE_JOINT_FUNDING", "reasonCode": "CONTINUING_CARE_ASSESSED",
				 "localAuthoritySharePercent": 60, "healthBoardSharePercent": 40, "agreedOn": "2026-11-20",
				 "agreementReference": "NWA-JF-0007"}""");
		JsonNode correction = decide("NWA", caseId, """
				{"type": "AGREE_JOINT_FUNDING", "reasonCode": "CONTINUING_CARE_ASSESSED",
				 "localAuthoritySharePercent": 50, "healthBoardSharePercent": 50, "agreedOn": "2026-11-20",
				 "agreementReference": "NWA-JF-0007", "supersedes": "%s"}""".formatted(first.get("id").asString()));

		JsonNode found = caseAs(identity.panel("NWA"), caseId);
		List<JsonNode> decisions = new ArrayList<>();
		found.get("timeline").forEach((entry) -> {
			if ("DECISION".equals(entry.get("kind").asString())) {
				decisions.add(entry.get("decision"));
			}
		});
		assertThat(decisions).extracting((d) -> d.get("id").asString())
			.containsExactly(first.get("id").asString(), correction.get("id").asString());
		assertThat(decisions.get(0).get("localAuthoritySharePercent").asInt()).isEqualTo(60);
		assertThat(decisions.get(1).get("supersedes").asString()).isEqualTo(first.get("id").asString());
		assertThat(decisions.get(0).get("decidedBy").asString()).isEqualTo("test:panel:NWA");
		for (String method : List.of("PUT", "PATCH", "DELETE")) {
			for (String path : List.of("/v1/cases/" + caseId + "/decisions",
					"/v1/cases/" + caseId + "/decisions/" + first.get("id").asString())) {
				int status = as(identity.panel("NWA")).method(org.springframework.http.HttpMethod.valueOf(method))
					.uri(path)
					.exchange()
					.returnResult(String.class)
					.getStatus()
					.value();
				assertThat(status).as(method + " " + path).isIn(403, 404, 405);
			}
		}
		assertThatThrownBy(() -> this.jdbc
			.sql("update decisions set la_share_percent = 0, hb_share_percent = 100 " + "where id = ?::uuid")
			.param(first.get("id").asString())
			.update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from decisions where id = ?::uuid")
			.param(first.get("id").asString())
			.update()).hasMessageContaining("append-only");
		String docs = as(identity.panel("NWA")).get()
			.uri("/v3/api-docs")
			.exchange()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(json.readTree(docs).get("paths").toString()).doesNotContain("\"put\"", "\"patch\"", "\"delete\"");
	}

	@Test
	void every_case_event_leaves_keyed_by_referral_and_valid_against_the_committed_schema() {
		ReferralEvents.provisionState("schema-unit-" + UUID.randomUUID(), 1, "CTM", "OPEN", "ASSESSMENT");
		String provision = "schema-approved-" + UUID.randomUUID();
		ReferralEvents.provisionState(provision, 1, "CTM", "OPEN", "ASSESSMENT");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from provisions where provision_id = ?")
				.param(provision)
				.query(Integer.class)
				.single() == 1);
		String referral = escalatedReferral("POW");
		String caseId = awaitCase(referral);
		decide("POW", caseId, """
				{"type": "APPROVE_OUT_OF_REGION", "reasonCode": "NO_SUITABLE_BED_IN_REGION", "provisionId": "%s"}"""
			.formatted(provision));

		List<ConsumerRecord<String, String>> records = consume("panels.case-events.v1", referral, 2);

		assertThat(records).extracting((r) -> json.readTree(r.value()).get("type").asString())
			.containsExactly("CaseOpened", "DecisionRecorded");
		for (ConsumerRecord<String, String> record : records) {
			assertThat(JsonSchemas.violations(schema, record.value())).as(record.value()).isEmpty();
			assertThat(record.key()).isEqualTo(referral);
			assertThat(header(record, "ce_subject")).isEqualTo(caseId);
			assertThat(header(record, "ce_source")).isEqualTo("/noddfa/panels");
			assertThat(header(record, "ce_type")).startsWith("cymru.noddfa.panels.");
		}
		JsonNode approval = json.readTree(records.get(1).value());
		assertThat(approval.get("decisionType").asString()).isEqualTo("APPROVE_OUT_OF_REGION");
		assertThat(approval.get("provisionId").asString()).isEqualTo(provision);
		assertThat(approval.get("regionCode").asString()).isEqualTo("POW");
		assertThat(approval.has("decidedBy")).as("no staff names on the topic").isFalse();
	}

	@Test
	void the_schemas_examples_are_valid_against_it() throws Exception {
		JsonNode examples = json
			.readTree(java.nio.file.Files
				.readString(Path.of("src/main/resources/contracts/panels.case-events.v1.schema.json")))
			.get("examples");
		assertThat(examples.size()).isEqualTo(3);
		examples.forEach((example) -> assertThat(JsonSchemas.violations(schema, example.toString())).isEmpty());
	}

	private List<String> listAs(String token, String region) {
		String body = as(token).get()
			.uri("/v1/cases?regionCode={region}", region)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		List<String> referrals = new ArrayList<>();
		json.readTree(body).forEach((item) -> referrals.add(item.get("referralId").asString()));
		return referrals;
	}

	static List<ConsumerRecord<String, String>> consume(String topic, String key, int atLeast) {
		List<ConsumerRecord<String, String>> records = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"), "group.id",
						"panels-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach((record) -> {
					if (key.equals(record.key())) {
						records.add(record);
					}
				});
				return records.size() >= atLeast;
			});
		}
		return records;
	}

	static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

}
