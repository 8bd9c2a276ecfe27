package cymru.noddfa.kit.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Every service's API description says what its security filters do: a bearer JWT on
 * every operation, and the 401 and 403 problems any operation can answer. An operation
 * that needs no token says so on its handler with an empty
 * {@code @SecurityRequirements()} and is left alone.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OpenApiCustomizer.class)
public class BearerApiDescription {

	static final String BEARER = "bearer";

	static {
		// the caller comes from the validated token, never from a parameter a client
		// fills in
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenApiCustomizer bearerTokens() {
		return (api) -> {
			if (api.getComponents() == null) {
				api.setComponents(new Components());
			}
			api.getComponents()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT"));
			api.addSecurityItem(new SecurityRequirement().addList(BEARER));
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
				boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
				if (!open) {
					operation.getResponses()
						.addApiResponse("401",
								problem("No valid bearer token (missing, expired, wrong issuer or "
										+ "audience, or a bad signature)"))
						.addApiResponse("403", problem("The token's role may not do this, or the object belongs "
								+ "to another provider or region"));
				}
			}));
		};
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json", new MediaType()));
	}

}
