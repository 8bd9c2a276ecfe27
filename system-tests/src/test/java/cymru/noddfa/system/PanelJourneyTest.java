package cymru.noddfa.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import cymru.noddfa.stack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13's journey through the gateway only: a Powys child with nothing suitable in
 * Powys is escalated and reaches the Powys panel's queue at once; the Powys team may not
 * hold an assessment bed outside Powys until the panel approves it, and then may.
 */
class PanelJourneyTest {

	static Api admin;

	static Api powysTeam;

	static Api powysPanel;

	@BeforeAll
	static void startTheStack() {
		Stack stack = RunningStack.get();
		Api anonymous = new Api(stack.gatewayUrl());
		DevTokens tokens = new DevTokens(anonymous);
		admin = anonymous.as(tokens.admin());
		powysTeam = anonymous.as(tokens.crisisTeam("POW"));
		powysPanel = anonymous.as(tokens.panel("POW"));
	}

	@Test
	void an_escalated_powys_child_reaches_the_panel_and_an_out_of_region_assessment_bed_waits_for_its_approval() {
		String unit = Provisions.newId("panel-journey");
		Api.Response created = admin.post("/api/registry/v1/provisions", assessmentUnitNearBridgend(unit));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		// a freshly started matcher and panels service may be slower than the gateway's
		// timeout on their first requests; a write is not retried, so reads warm them
		// first
		await().atMost(Duration.ofSeconds(60))
			.until(() -> powysTeam.get("/api/matching/v1/referrals?regionCode=POW").status() == 200
					&& powysPanel.get("/api/panels/v1/cases?regionCode=POW").status() == 200);

		Api.Response referral = powysTeam.post("/api/matching/v1/referrals",
				Map.of("reference", "POW-" + System.nanoTime() % 100000, "regionCode", "POW", "age", 15, "sex",
						"FEMALE", "needs", List.of("MH_CRISIS"), "currentSetting", "A_AND_E", "place", "Newtown",
						"bedType", "ASSESSMENT", "maxKm", 200));
		long referredAt = System.nanoTime();
		assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
		assertThat(referral.json().get("status").asString()).isEqualTo("ESCALATED");
		String referralId = referral.json().get("id").asString();

		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> caseOf(referralId) != null);
		System.out.printf("Escalated referral in the Powys panel's queue %d ms after it was made%n",
				(System.nanoTime() - referredAt) / 1_000_000);
		JsonNode panelCase = caseOf(referralId);
		assertThat(panelCase.get("regionCode").asString()).isEqualTo("POW");

		Map<String, Object> hold = Map.of("provisionId", unit, "outOfRegionReason", "NO_SUITABLE_BED_IN_REGION");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Api.Response refused = powysTeam.post("/api/matching/v1/referrals/" + referralId + "/holds", hold);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
			assertThat(refused.json().get("type").asString())
				.isEqualTo("https://noddfa.cymru/problems/panel-approval-pending");
			assertThat(refused.json().get("field").asString()).isEqualTo("provisionId");
		});

		String caseId = panelCase.get("id").asString();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Api.Response decision = powysPanel.post("/api/panels/v1/cases/" + caseId + "/decisions", Map.of("type",
					"APPROVE_OUT_OF_REGION", "reasonCode", "NO_SUITABLE_BED_IN_REGION", "provisionId", unit));
			assertThat(decision.status()).as(decision.toString()).isEqualTo(201);
		});

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Api.Response held = powysTeam.post("/api/matching/v1/referrals/" + referralId + "/holds", hold);
			assertThat(held.status()).as(held.toString()).isEqualTo(201);
			assertThat(held.json().get("provisionId").asString()).isEqualTo(unit);
			assertThat(held.json().get("inRegion").asBoolean()).isFalse();
		});
	}

	private static JsonNode caseOf(String referralId) {
		Api.Response queue = powysPanel.get("/api/panels/v1/cases?regionCode=POW");
		assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
		for (JsonNode c : queue.json()) {
			if (c.get("referralId").asString().equals(referralId)) {
				return c;
			}
		}
		return null;
	}

	/** A 24/7 assessment unit near Bridgend: over 100 km from Newtown, outside Powys. */
	private static Map<String, Object> assessmentUnitNearBridgend(String id) {
		return Map.ofEntries(Map.entry("id", id), Map.entry("providerId", Provisions.PROVIDER),
				Map.entry("name", "Panel journey unit " + id), Map.entry("kind", "ASSESSMENT_UNIT"),
				Map.entry("regionCode", "CTM"), Map.entry("localAuthority", "Bridgend"),
				Map.entry("location", Map.of("lat", 51.5080, "lon", -3.5850)),
				Map.entry("ageRange", Map.of("min", 11, "max", 17)), Map.entry("accepts", "ANY"),
				Map.entry("needsMet", List.of("MH_CRISIS", "SELF_HARM")), Map.entry("exclusions", List.of()),
				Map.entry("admissions", Map.of("always", true, "windows", List.of())),
				Map.entry("stalenessWindowHours", 12),
				Map.entry("vacancies", List.of(Map.of("bedType", "ASSESSMENT", "total", 2, "available", 2))));
	}

}
