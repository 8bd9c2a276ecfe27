package cymru.noddfa.notifications.contact;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoContactsTest {

	private static final Set<String> REGIONS = Set.of("CAV", "CTM", "GWE", "NWA", "POW", "WGL", "WWA");

	private final List<Contact> contacts = new DemoContactsLoader(null, null, Clock.systemUTC()).read();

	@Test
	void every_region_has_an_on_call_crisis_team_and_a_team_lead() {
		assertThat(regionsWith(Role.CRISIS_TEAM)).containsAll(REGIONS);
		assertThat(regionsWith(Role.TEAM_LEAD)).containsAll(REGIONS);
	}

	@Test
	void provider_contacts_name_their_provision_and_nobody_is_reached_outside_the_test_domain() {
		assertThat(this.contacts).filteredOn((c) -> c.role() == Role.PROVIDER).allMatch((c) -> c.provisionId() != null);
		assertThat(this.contacts).flatExtracting(Contact::channels)
			.allMatch((reach) -> reach.address().endsWith("@noddfa.test"));
	}

	private Set<String> regionsWith(Role role) {
		return this.contacts.stream()
			.filter((c) -> c.role() == role)
			.map(Contact::regionCode)
			.collect(Collectors.toSet());
	}

}
