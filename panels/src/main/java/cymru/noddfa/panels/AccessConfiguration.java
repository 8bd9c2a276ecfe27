package cymru.noddfa.panels;

import cymru.noddfa.kit.security.AccessRules;
import cymru.noddfa.kit.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which endpoint (DESIGN §5; the table is in the README). These rules only
 * let roles through: whose case it is (the child's home region, or the referring team's)
 * is decided in each controller against the stored case and the caller's token. Providers
 * and admins never read a case: it is a child's.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	private static final String ADMIN = Role.ADMIN.name();

	private static final String CRISIS_TEAM = Role.CRISIS_TEAM.name();

	private static final String PANEL = Role.PANEL.name();

	@Bean
	AccessRules panelsAccess() {
		return (rules) -> {
			rules.requestMatchers(HttpMethod.GET, "/v1/cases", "/v1/cases/{id}").hasAnyRole(PANEL, CRISIS_TEAM);
			rules.requestMatchers(HttpMethod.POST, "/v1/cases/{id}/decisions").hasRole(PANEL);
			// figures are counts and times, never a child: boards and admins read them
			// too
			rules.requestMatchers(HttpMethod.GET, "/v1/outcomes", "/v1/exports/outcomes.csv")
				.hasAnyRole(PANEL, CRISIS_TEAM, ADMIN);
			rules.requestMatchers(HttpMethod.GET, "/v1/exports/case-timelines.csv").hasRole(PANEL);
		};
	}

}
