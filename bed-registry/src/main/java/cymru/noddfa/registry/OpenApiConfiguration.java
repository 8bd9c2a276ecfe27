package cymru.noddfa.registry;

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
	OpenAPI registryApi() {
		return new OpenAPI().info(new Info().title("Noddfa bed registry").version("v1").description("""
				Provisions (crisis units, assessment units, children's homes, safe spaces) and their vacancies \
				per bed type. Every call carries a bearer token (OIDC JWT) with the roles of DESIGN §5: anyone \
				in a role reads provisions; admins and the provision's own provider change it and read its \
				history. Writes answer with the provision's whole state and its version as the ETag; send it \
				back in If-Match (required to set a vacancy or replace a provision) so no change is silently \
				overwritten. Idempotency-Key makes any write safe to retry. The history names the token's \
				subject as the actor. Errors are RFC 9457 problem details naming the field at fault."""));
	}

}
