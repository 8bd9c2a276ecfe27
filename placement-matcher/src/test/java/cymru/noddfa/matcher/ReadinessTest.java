package cymru.noddfa.matcher;

import java.time.Duration;

import cymru.noddfa.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ReadinessTest extends MatcherComponentTest {

	@Test
	void readiness_goes_down_while_postgres_is_unreachable_and_up_when_it_returns(TestInfrastructure infra)
			throws Exception {
		awaitReadiness(200, "UP");
		this.mvc.perform(get("/actuator/health/readiness"))
			.andExpect(jsonPath("$.components.redis.status").value("UP"))
			// DESIGN §6: a broker outage shows in health details, never in readiness
			.andExpect(jsonPath("$.components.kafka").doesNotExist())
			.andExpect(jsonPath("$.components.db.status").value("UP"));

		infra.stopPostgres();
		try {
			awaitReadiness(503, "DOWN");
		}
		finally {
			infra.startPostgres();
		}
		awaitReadiness(200, "UP");
	}

	private void awaitReadiness(int httpStatus, String state) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(250))
			.untilAsserted(() -> this.mvc.perform(get("/actuator/health/readiness"))
				.andExpect(status().is(httpStatus))
				.andExpect(jsonPath("$.status").value(state)));
	}

}
