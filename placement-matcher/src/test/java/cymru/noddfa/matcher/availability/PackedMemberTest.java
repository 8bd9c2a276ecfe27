package cymru.noddfa.matcher.availability;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a pool member carries packed beside its state says what the state says, for every
 * value the state may hold: a search judges most members from it alone.
 */
class PackedMemberTest {

	@Test
	void the_ages_come_back_as_stored_at_both_ends_of_an_int() {
		for (int[] ages : new int[][] { { 11, 17 }, { 0, 99 }, { -1, Integer.MAX_VALUE }, { Integer.MIN_VALUE, -7 } }) {
			ProvisionIndex.Member member = member(state(ages[0], ages[1], "ANY", true));

			assertThat(member.ageMin()).isEqualTo(ages[0]);
			assertThat(member.ageMax()).isEqualTo(ages[1]);
		}
	}

	@Test
	void accepts_is_the_states_value_whether_a_search_knows_it_or_not() {
		for (String accepts : List.of("ANY", "FEMALE", "MALE", "MIXED", "female", "")) {
			ProvisionIndex.Member member = member(state(11, 17, accepts, true));

			assertThat(member.accepts()).isEqualTo(accepts);
		}
	}

	@Test
	void admits_always_only_for_a_provision_that_admits_at_any_time() {
		assertThat(member(state(11, 17, "ANY", true)).admitsAlways()).isTrue();
		assertThat(member(state(11, 17, "ANY", false)).admitsAlways()).isFalse();
	}

	private static ProvisionIndex.Member member(ProvisionState state) {
		return new ProvisionIndex.Member(state, 0, 0, ProvisionIndex.Member.ages(state),
				ProvisionIndex.Member.flags(state));
	}

	private static ProvisionState state(int ageMin, int ageMax, String accepts, boolean always) {
		ProvisionState.Admissions admissions = new ProvisionState.Admissions(always,
				always ? List.of() : List.of(new ProvisionState.Window(LocalTime.of(9, 0), LocalTime.of(17, 0))));
		return new ProvisionState("p-1", 1, "provider", "Unit", "CRISIS_UNIT", "CTM",
				new ProvisionState.Location(51.5, -3.2), new ProvisionState.AgeRange(ageMin, ageMax), accepts,
				List.of(), List.of(), admissions, "OPEN", null, List.of(), null);
	}

}
