package cymru.noddfa.panels;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this service's API is; the service kit adds the bearer scheme and the 401/403
 * answers.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI panelsApi() {
		return new OpenAPI().info(new Info().title("Noddfa panels").version("v1").description("""
				The regional complex-needs panels: the cases opened by escalations, crisis stays past 72 hours \
				and out-of-region requests, each with the whole timeline of its referral; the panel's \
				append-only decisions (out-of-region approvals, joint funding, requests for information); \
				the funding limbo clock; outcome figures per region and Wales-wide, and CSV exports for board \
				papers. Every call carries a bearer token (OIDC JWT) with the roles of DESIGN §5: a panel reads \
				and decides its region's cases, a crisis team reads its children's cases, providers and admins \
				never read cases. Errors are RFC 9457 problem details naming the field at fault."""));
	}

}
