package cymru.noddfa.notifications;

import cymru.noddfa.kit.security.AccessRules;
import cymru.noddfa.kit.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which endpoint (DESIGN §5; the table is in the README). These rules only
 * let roles through: whose subscription, contact, alert or referral it is is decided in
 * each controller against the stored object and the caller's token, never from an id in
 * the request alone.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	private static final String ADMIN = Role.ADMIN.name();

	private static final String PROVIDER = Role.PROVIDER.name();

	private static final String CRISIS_TEAM = Role.CRISIS_TEAM.name();

	private static final String PANEL = Role.PANEL.name();

	@Bean
	AccessRules notificationsAccess() {
		return (rules) -> {
			rules.requestMatchers("/v1/subscriptions", "/v1/subscriptions/{id}")
				.hasAnyRole(ADMIN, PROVIDER, CRISIS_TEAM, PANEL);
			rules.requestMatchers(HttpMethod.GET, "/v1/contacts", "/v1/contacts/{id}").hasAnyRole(ADMIN, CRISIS_TEAM);
			rules.requestMatchers(HttpMethod.POST, "/v1/contacts").hasRole(ADMIN);
			rules.requestMatchers(HttpMethod.DELETE, "/v1/contacts/{id}").hasRole(ADMIN);
			// the signed link in an email or text message: its signature is its
			// authorisation
			rules.requestMatchers(HttpMethod.GET, "/v1/alerts/{id}/acknowledge").permitAll();
			rules.requestMatchers(HttpMethod.POST, "/v1/alerts/{id}/acknowledge").permitAll();
			rules.requestMatchers(HttpMethod.POST, "/v1/alerts/{id}/acknowledgement")
				.hasAnyRole(PROVIDER, CRISIS_TEAM, PANEL);
			rules.requestMatchers(HttpMethod.GET, "/v1/alerts", "/v1/alerts/{id}")
				.hasAnyRole(ADMIN, PROVIDER, CRISIS_TEAM, PANEL);
			rules.requestMatchers(HttpMethod.GET, "/v1/feed").hasAnyRole(PROVIDER, CRISIS_TEAM, PANEL);
			rules.requestMatchers(HttpMethod.GET, "/v1/notifications").hasAnyRole(ADMIN, CRISIS_TEAM, PANEL);
		};
	}

}
