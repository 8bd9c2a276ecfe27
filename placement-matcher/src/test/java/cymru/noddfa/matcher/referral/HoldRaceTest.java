package cymru.noddfa.matcher.referral;

import org.junit.jupiter.api.RepeatedTest;

/**
 * DESIGN §7: two teams can never be offered the same last bed. A few rounds here; the
 * benchmark (`bin/bench`) races at several levels on the whole stack.
 */
class HoldRaceTest extends HoldRaces {

	@RepeatedTest(3)
	void two_hundred_teams_race_for_the_last_bed_and_exactly_one_gets_it() throws Exception {
		race(1, 1, 200, (i) -> this.mvc);
	}

	@RepeatedTest(3)
	void a_thousand_holds_on_a_hundred_beds_across_ten_provisions_take_exactly_a_hundred() throws Exception {
		race(10, 10, 1000, (i) -> this.mvc);
	}

}
