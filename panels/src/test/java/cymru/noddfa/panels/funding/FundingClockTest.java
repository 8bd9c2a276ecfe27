package cymru.noddfa.panels.funding;

import java.time.Duration;

import cymru.noddfa.panels.ServiceTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case waiting for joint funding crosses the threshold (three days): its panel is
 * alerted once that day and once the next, not more, and agreeing funding stops it. The
 * service's clock is moved; the scheduled check is run as the scheduler would.
 */
class FundingClockTest extends ServiceTest {

	@Autowired
	FundingScheduler scheduler;

	@Test
	void past_the_threshold_a_case_is_announced_once_a_day_until_funding_is_agreed() {
		String caseId = awaitCase(escalatedReferral("GWE"));
		this.scheduler.check();
		assertThat(overdue(caseId)).as("before the threshold").isZero();

		moveClock(Duration.ofDays(3).plusMinutes(5));
		this.scheduler.check();
		this.scheduler.check();
		assertThat(overdue(caseId)).as("the day it crosses").isEqualTo(1);
		assertThat(caseAs(identity.panel("GWE"), caseId).at("/summary/flags").toString()).contains("FUNDING_OVERDUE");
		assertThat(caseAs(identity.panel("GWE"), caseId).at("/summary/daysWaitingForFunding").asLong()).isEqualTo(3);

		moveClock(Duration.ofDays(1));
		this.scheduler.check();
		this.scheduler.check();
		assertThat(overdue(caseId)).as("the next day").isEqualTo(2);
		assertThat(json.readTree((String) outboxOf(caseId, "FundingWaitOverdue").get(1).get("payload"))
			.get("daysWaiting")
			.asLong()).isEqualTo(4);

		decide("GWE", caseId, """
				{"type": "AGREE_JOINT_FUNDING", "reasonCode": "JOINTLY_COMMISSIONED_PLACEMENT",
				 "localAuthoritySharePercent": 50, "healthBoardSharePercent": 50, "agreedOn": "2026-11-24",
				 "agreementReference": "GWE-JF-12"}""");
		moveClock(Duration.ofDays(1));
		this.scheduler.check();
		assertThat(overdue(caseId)).as("after agreement").isEqualTo(2);
		assertThat(caseAs(identity.panel("GWE"), caseId).at("/summary/flags").toString())
			.doesNotContain("FUNDING_OVERDUE", "WAITING_FOR_FUNDING");
	}

	private int overdue(String caseId) {
		return outboxOf(caseId, "FundingWaitOverdue").size();
	}

}
