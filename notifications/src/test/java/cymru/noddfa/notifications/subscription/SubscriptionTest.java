package cymru.noddfa.notifications.subscription;

import java.time.Instant;
import java.util.Set;

import cymru.noddfa.kit.security.AccessRefused;
import cymru.noddfa.kit.security.Caller;
import cymru.noddfa.kit.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionTest {

	static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), null, null);

	static final Caller PROVIDER = new Caller("p", Set.of(Role.PROVIDER), null, "ctm-partnership");

	static final Caller TEAM = new Caller("t", Set.of(Role.CRISIS_TEAM), "CTM", null);

	static final Caller PANEL = new Caller("p", Set.of(Role.PANEL), "CTM", null);

	@Test
	void a_providers_subscription_is_its_own_whatever_it_leaves_out() {
		Subscription subscription = request(PROVIDER, null, null, null);

		assertThat(subscription.providerId()).isEqualTo("ctm-partnership");
		assertThat(subscription.belongsTo(PROVIDER)).isTrue();
		assertThat(subscription.belongsTo(new Caller("o", Set.of(Role.PROVIDER), null, "other"))).isFalse();
		assertThat(subscription.belongsTo(TEAM)).as("not the region's, though in it").isFalse();
		assertThat(subscription.belongsTo(ADMIN)).isTrue();
	}

	@Test
	void a_provider_cannot_subscribe_as_another_or_to_another_providers_provision() {
		assertThatThrownBy(() -> request(PROVIDER, null, "other", null)).isInstanceOf(AccessRefused.class);
		assertThatThrownBy(() -> request(PROVIDER, null, null, "other")).isInstanceOf(AccessRefused.class);
		assertThat(request(PROVIDER, null, "ctm-partnership", "ctm-partnership").providerId())
			.isEqualTo("ctm-partnership");
	}

	@Test
	void a_team_or_panel_subscribes_for_its_region_only() {
		assertThat(request(TEAM, null, null, null).regionCode()).isEqualTo("CTM");
		assertThat(request(PANEL, "CTM", null, null).belongsTo(TEAM)).isTrue();
		assertThatThrownBy(() -> request(TEAM, "CAV", null, null)).isInstanceOf(AccessRefused.class);
		assertThatThrownBy(() -> request(PANEL, "CTM", "ctm-partnership", null)).isInstanceOf(AccessRefused.class);
		assertThat(request(TEAM, null, null, null).belongsTo(new Caller("x", Set.of(Role.PANEL), "CAV", null)))
			.isFalse();
	}

	@Test
	void an_admin_subscribes_for_anyone_or_everything() {
		Subscription everything = request(ADMIN, null, null, null);
		assertThat(everything.regionCode()).isNull();
		assertThat(everything.providerId()).isNull();
		assertThat(everything.belongsTo(TEAM)).as("an admin's subscription to every region").isFalse();
		assertThat(request(ADMIN, null, "ctm-partnership", null).belongsTo(PROVIDER)).isTrue();
	}

	@Test
	void a_providers_subscription_wants_only_events_about_its_provisions() {
		Subscription subscription = request(PROVIDER, null, null, null);

		assertThat(subscription.wants(EventType.HoldPlaced, "CTM", "bridgend-hub", "ctm-partnership")).isTrue();
		assertThat(subscription.wants(EventType.HoldPlaced, "CTM", "newport-unit", "other")).isFalse();
		assertThat(subscription.wants(EventType.ReferralCreated, "CTM", null, null)).isFalse();
	}

	private static Subscription request(Caller caller, String region, String provider, String provisionProvider) {
		return Subscription.requestedBy(caller, region, null, provider, provisionProvider, Set.of(), Channel.WEBHOOK,
				"https://hooks.example/x", "whsec_x", Instant.EPOCH);
	}

}
