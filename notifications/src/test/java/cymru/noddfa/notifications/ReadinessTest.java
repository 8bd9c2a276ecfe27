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

	private int readiness() {
		return this.http.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

}
