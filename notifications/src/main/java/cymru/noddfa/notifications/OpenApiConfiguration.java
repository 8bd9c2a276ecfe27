package cymru.noddfa.notifications;

import java.util.List;

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

	/** The signed link in a message: its signature, not a token, is its authorisation. */
	static final String SIGNED_LINK = "/v1/alerts/{id}/acknowledge";

	static {
		// the caller comes from the validated token, never from a parameter a client
		// fills in
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
	}

	@Bean
	OpenAPI notificationsApi() {
		return new OpenAPI().info(new Info().title("Noddfa notifications").version("v1").description("""
				Subscriptions (signed webhooks), contacts and rotas, alerts and their acknowledgement, the live \
				feed and each referral's delivery log. Every call carries a bearer token (OIDC JWT) with the roles \
				of DESIGN §5, and each caller sees only its own tenant's: a provider its own subscriptions, alerts \
				and feed; a crisis team or panel its region's; admins keep contacts and see everything but the \
				feed. The acknowledgement link sent in a message needs no token: its signature is its \
				authorisation. Errors are RFC 9457 problem details naming the field at fault."""))
			.components(new Components().addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

	/**
	 * Every operation but the signed link can answer 401 and 403; say so where clients
	 * look. The signed link needs no token.
	 */
	@Bean
	OpenApiCustomizer accessResponses() {
		return (api) -> api.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
			if (path.equals(SIGNED_LINK)) {
				operation.setSecurity(List.of());
				return;
			}
			operation.getResponses()
				.addApiResponse("401", problem(
						"No valid bearer token (missing, expired, wrong issuer or audience, or a bad signature)"));
			operation.getResponses()
				.addApiResponse("403", problem("The token's role may not do this, or the object is another "
						+ "provider's, region's or audience's"));
		}));
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json", new MediaType()));
	}

}
