package cymru.noddfa.matcher;

import cymru.noddfa.kit.security.AccessRules;
import cymru.noddfa.kit.security.Role;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call which endpoint of the matcher (DESIGN §5), and the API description saying
 * so. These rules look at roles only; whose referral, hold or placement it is (the region
 * of the referral, the provider keeping the held bed) is decided against the stored
 * object in the referral feature, never from the address alone.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

	private static final String CRISIS_TEAM = Role.CRISIS_TEAM.name();

	private static final String PANEL = Role.PANEL.name();

	private static final String PROVIDER = Role.PROVIDER.name();

	@Bean
	AccessRules matcherAccess() {
		return (rules) -> {
			// everyone in a role sees availability everywhere
			rules.requestMatchers(HttpMethod.POST, "/v1/searches").authenticated();
			rules.requestMatchers(HttpMethod.GET, "/v1/searches", "/v1/availability/{provisionId}").authenticated();
			rules.requestMatchers(HttpMethod.POST, "/admin/read-model/rebuild").hasRole(Role.ADMIN.name());
			// children's data: crisis teams and panels of the referral's region; admins
			// manage reference data, not referrals
			rules.requestMatchers(HttpMethod.POST, "/v1/referrals").hasRole(CRISIS_TEAM);
			rules
				.requestMatchers(HttpMethod.GET, "/v1/referrals", "/v1/referrals/{referralId}",
						"/v1/referrals/{referralId}/holds", "/v1/placements/{placementId}")
				.hasAnyRole(CRISIS_TEAM, PANEL);
			rules
				.requestMatchers(HttpMethod.POST, "/v1/referrals/{referralId}/cancel",
						"/v1/referrals/{referralId}/holds", "/v1/referrals/{referralId}/placements")
				.hasRole(CRISIS_TEAM);
			// the unit keeping the held bed answers for it
			rules
				.requestMatchers(HttpMethod.POST, "/v1/referrals/{referralId}/holds/{holdId}/accept",
						"/v1/referrals/{referralId}/holds/{holdId}/decline")
				.hasRole(PROVIDER);
			rules.requestMatchers(HttpMethod.GET, "/v1/holds").hasAnyRole(PROVIDER, CRISIS_TEAM, PANEL);
			rules.requestMatchers(HttpMethod.POST, "/v1/placements/{placementId}/end")
				.hasAnyRole(CRISIS_TEAM, PROVIDER);
		};
	}

	@Bean
	OpenAPI matcherApi() {
		return new OpenAPI().info(new Info().title("Noddfa placement matcher").version("v1").description("""
				Searches for the nearest suitable bed, referrals, holds and placements. Every call carries a \
				bearer token (OIDC JWT) with the roles of DESIGN §5: anyone in a role searches and reads \
				availability; crisis teams create and handle the referrals of their own region (the token's \
				region), panels read them; the provider keeping a held bed accepts or declines the hold and \
				lists the holds on its beds (GET /v1/holds); admins rebuild the read model and read the audit \
				trail, but not referrals. The token's subject is the team that owns a referral and whose \
				holds count against the hold cap. Another region's referral or another provider's hold is a \
				403 problem. Errors are RFC 9457 problem details naming the field at fault."""));
	}

}
