package cymru.noddfa.registry;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI registryApi() {
		return new OpenAPI().info(new Info().title("Noddfa bed registry").version("v1").description("""
				Provisions (crisis units, assessment units, children's homes, safe spaces) and their vacancies \
				per bed type. Writes answer with the provision's whole state and its version as the ETag; \
				send it back in If-Match (required to set a vacancy or replace a provision) so no change is \
				silently overwritten. Idempotency-Key makes any write safe to retry; X-Actor names who made \
				the change for the history. Errors are RFC 9457 problem details naming the field at fault."""));
	}

}
