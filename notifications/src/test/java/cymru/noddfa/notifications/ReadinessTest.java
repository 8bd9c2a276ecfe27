package cymru.noddfa.notifications;

import java.time.Duration;

import cymru.noddfa.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

class ReadinessTest extends ServiceTest {

	@Test
	void readiness_goes_down_without_the_database_and_up_when_it_returns(TestInfrastructure infra) {
		await().atMost(Duration.ofSeconds(20)).until(() -> readiness() == 200);
		infra.stopPostgres();
		try {
			await().atMost(Duration.ofSeconds(20)).until(() -> readiness() == 503);
		}
		finally {
			infra.startPostgres();
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
	}

	@Test
	void a_broker_outage_shows_in_health_but_keeps_the_service_ready(TestInfrastructure infra) {
		await().atMost(Duration.ofSeconds(20)).until(() -> readiness() == 200);
		infra.stopKafka();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> status("/actuator/health") == 503);
			// events wait on the broker and deliveries in the database: nothing to take
			// out
			// of rotation for
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> readiness() == 200);
		}
		finally {
			infra.startKafka();
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> status("/actuator/health") == 200);
	}

	private int readiness() {
		return status("/actuator/health/readiness");
	}

	private int status(String path) {
		return this.http.get().uri(path).exchange().returnResult(String.class).getStatus().value();
	}

}
