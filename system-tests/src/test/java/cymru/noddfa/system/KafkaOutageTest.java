package cymru.noddfa.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cymru.noddfa.stack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Providers keep working while the broker is away, and nothing they did is lost: the
 * outbox holds every change until Kafka is back, and the matcher then catches up exactly.
 */
class KafkaOutageTest {

	static Stack stack;

	static Api admin;

	static Api provider;

	static Api crisisTeam;

	@BeforeAll
	static void startTheStack() {
		stack = RunningStack.get();
		Api anonymous = new Api(stack.gatewayUrl());
		DevTokens tokens = new DevTokens(anonymous);
		admin = anonymous.as(tokens.admin());
		provider = anonymous.as(tokens.provider(Provisions.PROVIDER));
		crisisTeam = anonymous.as(tokens.crisisTeam("CTM"));
	}

	@Test
	void fifty_vacancy_changes_made_while_kafka_is_down_for_twenty_seconds_all_reach_the_matcher() {
		List<String> ids = new ArrayList<>();
		Map<String, String> etags = new HashMap<>();
		for (int i = 0; i < 5; i++) {
			String id = Provisions.newId("outage");
			Api.Response created = admin.post("/api/registry/v1/provisions",
					Provisions.crisisUnitNearBridgend(id, 8, 8));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			ids.add(id);
			etags.put(id, created.header("ETag"));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(KafkaOutageTest::readModelMatches));

		long stoppedAt = System.nanoTime();
		stack.infrastructure().kafka().stop();
		try {
			for (int change = 0; change < 50; change++) {
				String id = ids.get(change % ids.size());
				Api.Response written = provider.put("/api/registry/v1/provisions/" + id + "/vacancies/CRISIS",
						Provisions.vacancy(8, (change * 3) % 9), Map.of("If-Match", etags.get(id)));
				assertThat(written.status()).as(written.toString()).isEqualTo(200);
				etags.put(id, written.header("ETag"));
			}
			Duration down = Duration.ofNanos(System.nanoTime() - stoppedAt);
			Duration rest = Duration.ofSeconds(20).minus(down);
			if (!rest.isNegative()) {
				// the broker stays away for the full twenty seconds, whatever the writes
				// took
				await().pollDelay(rest).atMost(rest.plusSeconds(5)).until(() -> true);
			}
		}
		finally {
			stack.infrastructure().kafka().start();
		}

		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> ids.stream().allMatch(KafkaOutageTest::readModelMatches));
	}

	/** The matcher's read model holds exactly what the registry's database holds. */
	private static boolean readModelMatches(String id) {
		Api.Response registry = crisisTeam.get("/api/registry/v1/provisions/" + id);
		Api.Response matcher = crisisTeam.get("/api/matching/v1/availability/" + id);
		if (registry.status() != 200 || matcher.status() != 200) {
			return false;
		}
		JsonNode truth = registry.json();
		JsonNode folded = matcher.json();
		if (truth.get("version").asLong() != folded.get("version").asLong()) {
			return false;
		}
		Map<String, String> expected = new HashMap<>();
		truth.get("vacancies")
			.forEach((v) -> expected.put(v.get("bedType").asString(),
					v.get("total").asInt() + "/" + v.get("available").asInt()));
		Map<String, String> actual = new HashMap<>();
		folded.get("beds")
			.forEach((b) -> actual.put(b.get("bedType").asString(),
					b.get("total").asInt() + "/" + b.get("available").asInt()));
		return expected.equals(actual);
	}

}
