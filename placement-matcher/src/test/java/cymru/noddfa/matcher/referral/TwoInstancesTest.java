package cymru.noddfa.matcher.referral;

import cymru.noddfa.matcher.PlacementMatcherApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/**
 * Issue 5 point 6: a second matcher instance against the same Kafka, PostgreSQL and
 * Redis; holds alternate between the two and the races still come out exact, because the
 * database decides, not either instance.
 */
class TwoInstancesTest extends HoldRaces {

	private static ConfigurableApplicationContext second;

	private static MockMvc secondMvc;

	@BeforeAll
	static void startSecondInstance() {
		second = new SpringApplicationBuilder(PlacementMatcherApplication.class).run("--server.port=0",
				"--noddfa.matcher.holds.team-cap=3", "--noddfa.matcher.read-model.check-interval=200ms",
				"--noddfa.service.max-requests-in-flight=5000");
		secondMvc = mockMvcFor((WebApplicationContext) second);
	}

	@AfterAll
	static void stopSecondInstance() {
		second.close();
	}

	@RepeatedTest(3)
	void the_last_bed_still_goes_to_exactly_one_team_across_two_instances() throws Exception {
		race(1, 1, 200, (i) -> (i % 2 == 0) ? this.mvc : secondMvc);
	}

	@RepeatedTest(3)
	void a_hundred_beds_still_go_to_exactly_a_hundred_teams_across_two_instances() throws Exception {
		race(10, 10, 1000, (i) -> (i % 2 == 0) ? this.mvc : secondMvc);
	}

}
