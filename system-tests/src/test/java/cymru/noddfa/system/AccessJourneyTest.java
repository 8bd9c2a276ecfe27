package cymru.noddfa.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import cymru.noddfa.stack.ServiceProcess;
import cymru.noddfa.stack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Identity and access end to end: tokens from the development issuer pass the gateway and
 * are checked again by each service, which refuses what is not the caller's; the request
 * id the caller sees is the one the audit trail records; a stopped service is a prompt
 * 503 problem that clears when it returns.
 */
class AccessJourneyTest {

	static Stack stack;

	static Api anonymous;

	static DevTokens tokens;

	@BeforeAll
	static void startTheStack() {
		stack = RunningStack.get();
		anonymous = new Api(stack.gatewayUrl());
		tokens = new DevTokens(anonymous);
	}

	@Test
	void without_a_token_the_api_is_a_401_problem_but_health_and_the_api_description_are_open() {
		Api.Response refused = anonymous.get("/api/registry/v1/provisions");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
		Api.Response description = anonymous.get("/api/matching/v3/api-docs");
		assertThat(description.status()).as(description.toString()).isEqualTo(200);
		assertThat(description.json().get("paths").has("/v1/referrals")).isTrue();
	}

	@Test
	void another_providers_token_cannot_change_a_vacancy_and_the_refusal_is_audited_with_its_request_id() {
		Api admin = anonymous.as(tokens.admin());
		Api owner = anonymous.as(tokens.provider(Provisions.PROVIDER));
		Api stranger = anonymous.as(tokens.provider("another-partnership"));
		String id = Provisions.newId("access-journey");
		Api.Response created = admin.post("/api/registry/v1/provisions", Provisions.crisisUnitNearBridgend(id, 2, 2));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String path = "/api/registry/v1/provisions/" + id + "/vacancies/CRISIS";

		Api.Response refused = stranger.put(path, Provisions.vacancy(2, 0), Map.of("If-Match", created.header("ETag")));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		Api.Response unchanged = stranger.get("/api/registry/v1/provisions/" + id);
		assertThat(unchanged.json().get("version").asLong()).isEqualTo(1);

		Api.Response changed = owner.put(path, Provisions.vacancy(2, 1), Map.of("If-Match", created.header("ETag")));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

		Api.Response trail = admin.get("/api/registry/v1/audit?path=/v1/provisions/" + id + "/vacancies");
		assertThat(trail.status()).as(trail.toString()).isEqualTo(200);
		JsonNode refusal = entry(trail.json(), refused.header("X-Request-Id"));
		assertThat(refusal.get("status").asInt()).isEqualTo(403);
		assertThat(refusal.get("subject").asString()).contains("another-partnership");
		JsonNode change = entry(trail.json(), changed.header("X-Request-Id"));
		assertThat(change.get("status").asInt()).isEqualTo(200);
		assertThat(change.get("tenant").asString()).isEqualTo(Provisions.PROVIDER);
		Api.Response notForProviders = owner.get("/api/registry/v1/audit");
		assertThat(notForProviders.status()).as(notForProviders.toString()).isEqualTo(403);
	}

	@Test
	void a_crisis_team_sees_its_own_regions_referrals_and_those_it_made_but_not_another_regions() {
		Api gwent = anonymous.as(tokens.crisisTeam("GWE"));
		Api ctm = anonymous.as(tokens.crisisTeam("CTM"));
		Api.Response referral = gwent.post("/api/matching/v1/referrals",
				Map.of("reference", "GWE-" + System.nanoTime() % 100000, "regionCode", "GWE", "age", 15, "sex", "MALE",
						"needs", List.of("MH_CRISIS"), "currentSetting", "A_AND_E", "place", "Newport", "bedType",
						"CRISIS"));
		assertThat(referral.status()).as(referral.toString()).isEqualTo(201);
		String referralPath = "/api/matching/v1/referrals/" + referral.json().get("id").asString();

		assertThat(gwent.get(referralPath).status()).isEqualTo(200);
		Api.Response refused = ctm.get(referralPath);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		Api.Response elsewhere = ctm.post("/api/matching/v1/referrals",
				Map.of("reference", "GWE-" + System.nanoTime() % 100000, "regionCode", "GWE", "age", 15, "sex", "MALE",
						"needs", List.of("MH_CRISIS"), "currentSetting", "A_AND_E", "place", "Newport", "bedType",
						"CRISIS"));
		// no wrong door: a team may refer another region's child; that region acts on it,
		// and the referring team keeps sight of what it created
		assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(201);
		assertThat(elsewhere.json().get("referringRegionCode").asString()).isEqualTo("CTM");
		assertThat(ctm.get("/api/matching/v1/referrals/" + elsewhere.json().get("id").asString()).status())
			.isEqualTo(200);
	}

	@Test
	void a_stopped_service_is_a_503_problem_within_the_timeout_and_answers_again_when_it_returns() {
		Api crisisTeam = anonymous.as(tokens.crisisTeam("CTM"));
		String search = "/api/matching/v1/searches?place=Bridgend&regionCode=CTM&age=14&sex=FEMALE&bedType=CRISIS";
		assertThat(crisisTeam.get(search).status()).isEqualTo(200);
		ServiceProcess matcher = stack.service(Stack.MATCHER);
		matcher.stop();
		try {
			long started = System.nanoTime();
			Api.Response unavailable = crisisTeam.get(search);
			long tookMs = (System.nanoTime() - started) / 1_000_000;
			assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
			assertThat(unavailable.header("Content-Type")).startsWith("application/problem+json");
			assertThat(unavailable.header("Retry-After")).isNotBlank();
			// the matching route's response timeout is 5 s
			assertThat(tookMs).isLessThan(5_000);
		}
		finally {
			matcher.start();
			matcher.awaitReady(Duration.ofSeconds(120));
		}
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> crisisTeam.get(search).status() == 200);
	}

	private static JsonNode entry(JsonNode trail, String requestId) {
		assertThat(requestId).isNotBlank();
		for (JsonNode entry : trail) {
			if (requestId.equals(entry.path("requestId").asString())) {
				return entry;
			}
		}
		throw new AssertionError("No audit entry with request id " + requestId + " in " + trail);
	}

}
