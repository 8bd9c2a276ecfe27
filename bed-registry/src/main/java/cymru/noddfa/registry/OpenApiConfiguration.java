package cymru.noddfa.registry;

import cymru.noddfa.kit.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String BEARER = "bearer";

	static {
		// the caller comes from the validated token, never from a parameter a client
		// fills in
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenAPI registryApi() {
		return new OpenAPI().info(new Info().title("Noddfa bed registry").version("v1").description("""
				Provisions (crisis units, assessment units, children's homes, safe spaces) and their vacancies \
				per bed type. Every call carries a bearer token (OIDC JWT) with the roles of DESIGN §5: anyone \
				in a role reads provisions; admins and the provision's own provider change it and read its \
				history. Writes answer with the provision's whole state and its version as the ETag; send it \
				back in If-Match (required to set a vacancy or replace a provision) so no change is silently \
				overwritten. Idempotency-Key makes any write safe to retry. The history names the token's \
				subject as the actor. Errors are RFC 9457 problem details naming the field at fault."""))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/** Every operation can answer 401 and 403; say so where clients look. */
	@Bean
	OpenApiCustomizer accessResponses() {
		return (api) -> api.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
			operation.getResponses()
				.addApiResponse("401", problem(
						"No valid bearer token (missing, expired, wrong issuer or " + "audience, or a bad signature)"));
			operation.getResponses()
				.addApiResponse("403",
						problem("The token's role may not do this, or the provision is " + "another provider's"));
		}));
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json", new MediaType()));
	}

}
