package cymru.noddfa.registry;

import java.time.Duration;

import cymru.noddfa.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ReadinessTest extends RegistryComponentTest {

	@Test
	void readiness_goes_down_without_the_database_and_comes_back_with_it(TestInfrastructure infra) {
		await().atMost(Duration.ofSeconds(30)).until(() -> readiness().status() == 200);

		infra.stopPostgres();
		try {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				Api.Response down = readiness();
				assertThat(down.status()).isEqualTo(503);
				assertThat(down.json().get("status").asString()).isEqualTo("DOWN");
			});
		}
		finally {
			infra.startPostgres();
		}

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			Api.Response up = readiness();
			assertThat(up.status()).isEqualTo(200);
			assertThat(up.json().get("status").asString()).isEqualTo("UP");
		});
		// the pool serves requests again, not just the health check
		assertThat(create(unique("after-outage")).status()).isEqualTo(201);
	}

	@Test
	void readiness_stays_up_while_the_broker_is_gone_and_kafka_shows_in_the_health_details(TestInfrastructure infra) {
		await().atMost(Duration.ofSeconds(30)).until(() -> readiness().status() == 200);

		infra.stopKafka();
		try {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(
						this.api.get("/actuator/health").json().at("/components/kafka/status").asString())
					.isEqualTo("DOWN"));
			Api.Response ready = readiness();
			assertThat(ready.status()).isEqualTo(200);
			assertThat(ready.json().get("status").asString()).isEqualTo("UP");
			assertThat(ready.body()).doesNotContain("kafka");
			assertThat(create(unique("broker-gone")).status()).as("writes wait in the outbox").isEqualTo(201);
		}
		finally {
			infra.startKafka();
		}
	}

	@Test
	void probes_are_open_and_metrics_are_for_admins_only() {
		Api anonymous = this.api.anonymous();
		assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
		assertThat(readiness().body()).contains("\"UP\"");

		assertThat(this.api.get("/actuator/prometheus").body()).contains("noddfa_outbox_published");
		assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(as(identity.provider("test-provider")).get("/actuator/prometheus").status()).isEqualTo(403);
		assertThat(as(identity.crisisTeam("CTM")).get("/actuator/info").status()).isEqualTo(403);
	}

	private Api.Response readiness() {
		return this.api.anonymous().get("/actuator/health/readiness");
	}

}
