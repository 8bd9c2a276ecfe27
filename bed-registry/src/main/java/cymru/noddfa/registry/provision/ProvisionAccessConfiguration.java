package cymru.noddfa.registry.provision;

import cymru.noddfa.kit.security.AccessRules;
import cymru.noddfa.kit.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which provision endpoint (DESIGN §5). Everyone in a role sees availability
 * everywhere, and the reference lists ({@code /v1/reference}); only providers and admins
 * write, and whether a provider may touch a given provision is decided against the stored
 * provision ({@link Provision#requireKeeper}), never here from the address alone. Crisis
 * teams and panels write nothing here.
 */
@Configuration(proxyBeanMethods = false)
class ProvisionAccessConfiguration {

	private static final String[] EVERY_ROLE = { Role.PROVIDER.name(), Role.CRISIS_TEAM.name(), Role.PANEL.name(),
			Role.ADMIN.name() };

	private static final String[] KEEPERS = { Role.PROVIDER.name(), Role.ADMIN.name() };

	@Bean
	AccessRules provisionAccess() {
		return (rules) -> {
			rules.requestMatchers(HttpMethod.GET, "/v1/reference", "/v1/provisions", "/v1/provisions/{id}")
				.hasAnyRole(EVERY_ROLE);
			rules.requestMatchers(HttpMethod.GET, "/v1/provisions/{id}/history").hasAnyRole(KEEPERS);
			rules.requestMatchers(HttpMethod.POST, "/v1/provisions").hasAnyRole(KEEPERS);
			rules.requestMatchers(HttpMethod.POST, "/v1/provisions/{id}/approval").hasRole(Role.ADMIN.name());
			rules.requestMatchers(HttpMethod.PUT, "/v1/provisions/{id}", "/v1/provisions/{id}/vacancies/{bedType}")
				.hasAnyRole(KEEPERS);
			rules
				.requestMatchers(HttpMethod.POST, "/v1/provisions/{id}/confirmations", "/v1/provisions/{id}/pause",
						"/v1/provisions/{id}/reopen", "/v1/provisions/{id}/close")
				.hasAnyRole(KEEPERS);
		};
	}

}
