package cymru.noddfa.gateway.devauth;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.route.RouteLocator;

import static org.assertj.core.api.Assertions.assertThat;

class DevAuthConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(DevAuthConfiguration.class);

	@Test
	void the_development_token_route_refuses_to_start_outside_the_local_profile() {
		this.contexts.withPropertyValues("noddfa.gateway.dev-auth.enabled=true")
			.withInitializer((context) -> context.getEnvironment().setActiveProfiles("production"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("runs only in the 'local' profile")
					.hasMessageContaining("[production]");
			});
	}

	@Test
	void the_development_token_route_refuses_to_start_with_no_profile_at_all() {
		this.contexts.withPropertyValues("noddfa.gateway.dev-auth.enabled=true")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void it_is_absent_unless_asked_for() {
		this.contexts.withInitializer((context) -> context.getEnvironment().setActiveProfiles("production"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RouteLocator.class));
	}

}
