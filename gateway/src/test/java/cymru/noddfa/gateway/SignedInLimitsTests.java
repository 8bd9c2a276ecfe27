package cymru.noddfa.gateway;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class SignedInLimitsTests extends SignedInGatewayTest {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void a_signed_in_request_costs_one_rate_limit_script_in_one_round_trip_and_no_more() {
		GatewayClient client = client();
		String token = tokenFor("{\"role\":\"PANEL\",\"region\":\"WGL\"}");
		long before = scriptsRun();

		for (int i = 0; i < 3; i++) {
			assertThat(
					client.get("/api/matching/v1/searches/one-script", "Authorization", "Bearer " + token).statusCode())
				.isEqualTo(200);
		}

		assertThat(scriptsRun() - before).as("scripts Redis ran for three requests").isEqualTo(3);
	}

	/** Every Lua script Redis has run, whether sent whole or by its digest. */
	private long scriptsRun() {
		Properties stats = this.redis
			.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info("commandstats"));
		return calls(stats, "cmdstat_evalsha") + calls(stats, "cmdstat_eval");
	}

	private static long calls(Properties stats, String command) {
		String line = stats.getProperty(command);
		if (line == null) {
			return 0;
		}
		return Long.parseLong(line.replaceFirst(".*\\bcalls=(\\d+).*", "$1"));
	}

	@Test
	void a_user_past_their_burst_gets_429_with_retry_after_and_another_user_on_the_same_address_is_unaffected() {
		GatewayClient sharedAddress = client();
		String busy = tokenFor("{\"role\":\"PANEL\",\"region\":\"NWA\"}");
		String other = tokenFor("{\"role\":\"PANEL\",\"region\":\"POW\"}");

		List<Integer> statuses = burst(sharedAddress, busy, 30);

		assertThat(statuses).as("statuses").endsWith(429);
		assertThat(statuses.subList(0, 5)).containsOnly(200);
		HttpResponse<String> limited = sharedAddress.get("/api/matching/v1/searches/limits", "Authorization",
				"Bearer " + busy);
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(GatewayClient.json(limited).get("type").asString())
			.isEqualTo("https://noddfa.cymru/problems/rate-limited");
		assertThat(
				sharedAddress.get("/api/matching/v1/searches/limits", "Authorization", "Bearer " + other).statusCode())
			.isEqualTo(200);
	}

	@Test
	void many_signed_in_users_behind_one_address_each_get_their_whole_burst() {
		GatewayClient hospital = client();
		List<String> users = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			users.add(tokenFor("{\"role\":\"PROVIDER\",\"providerId\":\"ward-" + i + "\"}"));
		}

		List<Integer> statuses = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			for (String user : users) {
				statuses.add(hospital.get("/api/matching/v1/searches/shared", "Authorization", "Bearer " + user)
					.statusCode());
			}
		}

		assertThat(statuses).hasSize(150).containsOnly(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/index.html", "/app.js", "/app.css", "/app/messages", "/map/wales.json" })
	void the_web_apps_own_files_never_spend_the_anonymous_bucket(String path) {
		GatewayClient browser = client();

		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 80; i++) {
			statuses.add(browser.get(path).statusCode());
		}

		assertThat(statuses).doesNotContain(429);
		assertThat(browser.get("/api/registry/v1/provisions/after-files").statusCode())
			.as("the address's anonymous bucket is still full")
			.isEqualTo(401);
	}

	@Test
	void a_crisis_team_has_a_larger_burst_than_other_users() {
		String crisisTeam = tokenFor("{\"role\":\"CRISIS_TEAM\",\"region\":\"WWA\"}");
		String provider = tokenFor("{\"role\":\"PROVIDER\",\"providerId\":\"west-wales-partnership\"}");

		List<Integer> team = burst(client(), crisisTeam, 40);
		List<Integer> others = burst(client(), provider, 40);

		assertThat(team.subList(0, 12)).as("the crisis team's burst").containsOnly(200);
		assertThat(team).endsWith(429).hasSizeLessThan(20);
		assertThat(others.subList(0, 5)).as("a provider's burst").containsOnly(200);
		assertThat(others).endsWith(429).hasSizeLessThan(12);
	}

	/**
	 * Statuses of requests sent as fast as they answer, up to and including the first
	 * 429.
	 */
	private static List<Integer> burst(GatewayClient client, String token, int atMost) {
		List<Integer> statuses = new ArrayList<>();
		while (statuses.size() < atMost && !statuses.contains(429)) {
			statuses
				.add(client.get("/api/matching/v1/searches/limits", "Authorization", "Bearer " + token).statusCode());
		}
		return statuses;
	}

	@Test
	void a_flood_without_a_valid_token_spends_the_anonymous_bucket_and_gets_429_and_another_address_is_unaffected() {
		GatewayClient flooder = client();
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> limited = null;
		for (int i = 0; i < 200 && limited == null; i++) {
			HttpResponse<String> response = (i % 2 == 0)
					? flooder.get("/api/registry/v1/provisions/flood", "Authorization", "Bearer not-a-token")
					: flooder.get("/api/registry/v1/provisions/flood");
			statuses.add(response.statusCode());
			if (response.statusCode() == 429) {
				limited = response;
			}
		}

		assertThat(limited).as("statuses %s", statuses).isNotNull();
		assertThat(statuses.subList(0, 40)).containsOnly(401);
		assertThat(limited.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
		assertThat(GatewayClient.json(limited).get("type").asString())
			.isEqualTo("https://noddfa.cymru/problems/rate-limited");
		assertThat(client().get("/api/registry/v1/provisions/flood").statusCode()).isEqualTo(401);
		assertThat(services.requestsTo("/v1/provisions/flood")).isEmpty();
	}

	@Test
	void hsts_is_sent_when_the_request_came_over_tls() {
		HttpResponse<String> response = client().get("/actuator/health/liveness", "X-Forwarded-Proto", "https");

		assertThat(response.headers().firstValue("Strict-Transport-Security"))
			.hasValue("max-age=31536000 ; includeSubDomains");
	}

	@Test
	void a_configured_origin_may_call_across_origins_and_others_may_not() {
		HttpResponse<String> allowed = client().send(client().request("/api/registry/v1/cors-preflight")
			.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://app.noddfa.example")
			.header("Access-Control-Request-Method", "PUT")
			.header("Access-Control-Request-Headers", "Authorization, If-Match")
			.build());
		HttpResponse<String> refused = client().send(client().request("/api/registry/v1/provisions")
			.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://elsewhere.example")
			.header("Access-Control-Request-Method", "PUT")
			.build());

		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.noddfa.example");
		assertThat(services.requestsTo("/v1/cors-preflight")).as("a preflight is answered by the gateway").isEmpty();
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
		assertThat(GatewayClient.json(refused).get("type").asString())
			.isEqualTo("https://noddfa.cymru/problems/cors-rejected");
	}

}
