package cymru.noddfa.notifications;

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
	OpenAPI notificationsApi() {
		return new OpenAPI().info(new Info().title("Noddfa notifications").version("v1").description("""
				Subscriptions (signed webhooks), contacts and rotas, alerts and their acknowledgement, the live \
				feed and each referral's delivery log. Every call carries a bearer token (OIDC JWT) with the roles \
				of DESIGN §5, and each caller sees only its own tenant's: a provider its own subscriptions, alerts \
				and feed; a crisis team or panel its region's; admins keep contacts and see everything but the \
				feed. The acknowledgement link sent in a message needs no token: its signature is its \
				authorisation. Errors are RFC 9457 problem details naming the field at fault."""));
	}

}
