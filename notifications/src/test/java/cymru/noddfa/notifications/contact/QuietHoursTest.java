package cymru.noddfa.notifications.contact;

import java.time.Instant;
import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuietHoursTest {

	@ParameterizedTest(name = "{0}-{1} at {2}: released at {3}")
	@CsvSource(textBlock = """
			22:00, 07:00, 2026-11-23T23:30:00Z, 2026-11-24T07:00:00Z
			22:00, 07:00, 2026-11-24T03:00:00Z, 2026-11-24T07:00:00Z
			22:00, 07:00, 2026-11-23T12:00:00Z, 2026-11-23T12:00:00Z
			22:00, 07:00, 2026-11-24T07:00:00Z, 2026-11-24T07:00:00Z
			12:00, 14:00, 2026-11-23T13:00:00Z, 2026-11-23T14:00:00Z
			12:00, 14:00, 2026-11-23T11:59:00Z, 2026-11-23T11:59:00Z
			22:00, 07:00, 2026-07-01T21:30:00Z, 2026-07-02T06:00:00Z
			""")
	void messages_that_can_wait_are_held_until_the_local_quiet_hours_end(LocalTime from, LocalTime to, Instant now,
			Instant released) {
		assertThat(new QuietHours(from, to).releaseAt(now)).isEqualTo(released);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			true,  2026-11-23T23:30:00Z
			false, 2026-11-24T07:00:00Z
			""")
	void alerts_that_need_action_are_never_held(boolean needsAction, Instant expected) {
		Contact contact = new Contact(java.util.UUID.randomUUID(), "On call", Role.CRISIS_TEAM, "CTM", null, 1,
				java.util.List.of(new Contact.Reach(ContactChannel.EMAIL, "a@b.example")),
				new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)), Instant.EPOCH);
		assertThat(contact.sendAt(Instant.parse("2026-11-23T23:30:00Z"), needsAction)).isEqualTo(expected);
	}

}
