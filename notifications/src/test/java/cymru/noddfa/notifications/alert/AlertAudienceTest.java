package cymru.noddfa.notifications.alert;

import java.util.Set;
import java.util.UUID;

import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.kit.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertAudienceTest {

	static final Caller PROVIDER = new Caller("p", Set.of(Role.PROVIDER), null, "ctm-partnership");

	static final Caller OTHER_PROVIDER = new Caller("o", Set.of(Role.PROVIDER), null, "other");

	static final Caller TEAM = new Caller("t", Set.of(Role.CRISIS_TEAM), "CTM", null);

	static final Caller PANEL = new Caller("p", Set.of(Role.PANEL), "CTM", null);

	static final Caller OTHER_PANEL = new Caller("p", Set.of(Role.PANEL), "CAV", null);

	static final Caller ADMIN = new Caller("a", Set.of(Role.ADMIN), null, null);

	@Test
	void a_hold_request_is_for_the_provider_of_the_provision_only() {
		Alert hold = alert("HoldPlaced");

		assertThat(hold.isFor(PROVIDER, "ctm-partnership")).isTrue();
		assertThat(hold.isFor(OTHER_PROVIDER, "ctm-partnership")).isFalse();
		assertThat(hold.isFor(PROVIDER, null)).as("a provision whose provider is not known").isFalse();
		assertThat(hold.isFor(TEAM, "ctm-partnership")).isFalse();
		assertThat(hold.isFor(ADMIN, "ctm-partnership")).isFalse();
		assertThat(hold.readableBy(ADMIN, "ctm-partnership")).isTrue();
	}

	@Test
	void an_escalation_is_for_the_regions_panel_and_a_free_bed_for_its_crisis_team() {
		assertThat(alert("ReferralEscalated").isFor(PANEL, null)).isTrue();
		assertThat(alert("ReferralEscalated").isFor(OTHER_PANEL, null)).isFalse();
		assertThat(alert("ReferralEscalated").isFor(TEAM, null)).isFalse();
		assertThat(alert("MatchAvailable").isFor(TEAM, null)).isTrue();
		assertThat(alert("MatchAvailable").isFor(PANEL, null)).isFalse();
	}

	private static Alert alert(String type) {
		return new Alert(UUID.randomUUID(), UUID.randomUUID(), type, "r-1", "CTM-0001", "CTM", "bridgend-hub",
				Audience.of(type), 0, null, null, null);
	}

}
