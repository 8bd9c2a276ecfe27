package cymru.noddfa.gateway.devauth;

import java.util.Arrays;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;

/**
 * Scripts and tests keep {@code POST /dev-auth/token} on the gateway (DESIGN §8); the
 * development identity provider answers it, with the same key as its sign-in tokens. The
 * route exists only in the {@code local} profile; asked for anywhere else it stops the
 * gateway from starting, so a copied setting can never put a self-service token endpoint
 * in front of real data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("noddfa.gateway.dev-auth.enabled")
class DevAuthConfiguration {

	static final String LOCAL_PROFILE = "local";

	static final String TOKEN_PATH = "/dev-auth/token";

	static final String JWKS_PATH = "/dev-auth/jwks";

	static final String REGIONS_PATH = "/dev-auth/regions";

	DevAuthConfiguration(Environment environment) {
		if (!environment.matchesProfiles(LOCAL_PROFILE)) {
			throw new IllegalStateException("The development token route (noddfa.gateway.dev-auth.enabled=true) "
					+ "runs only in the 'local' profile, and the active profiles are "
					+ Arrays.toString(environment.getActiveProfiles())
					+ ". Remove the setting, or start with --spring.profiles.active=local on a developer machine; "
					+ "everywhere else point spring.security.oauth2.client.* and noddfa.gateway.security.* "
					+ "at a real OIDC provider.");
		}
	}

	@Bean
	RouteLocator devAuthRoute(RouteLocatorBuilder routes, DevAuthProperties devAuth) {
		return routes.routes()
			.route("dev-auth-token", (route) -> route.method(HttpMethod.POST).and().path(TOKEN_PATH).uri(devAuth.uri()))
			// the regions demo teams and panels sign in for, listed by the web app's form
			.route("dev-auth-regions",
					(route) -> route.method(HttpMethod.GET).and().path(REGIONS_PATH).uri(devAuth.uri()))
			// the provider's public keys, where the web app of the local stack looks for
			// them to know that demo users are on offer
			.route("dev-auth-jwks",
					(route) -> route.method(HttpMethod.GET)
						.and()
						.path(JWKS_PATH)
						.filters((filters) -> filters.setPath("/oauth2/jwks"))
						.uri(devAuth.uri()))
			.build();
	}

}
