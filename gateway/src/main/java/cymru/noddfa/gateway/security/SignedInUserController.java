package cymru.noddfa.gateway.security;

import java.util.List;
import java.util.Map;

import cymru.noddfa.gateway.webapp.MapProperties;
import lombok.RequiredArgsConstructor;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /app/me}: who the web app is signed in as, from the ID token the gateway
 * keeps in the session (or from a bearer token's claims). No token leaves: only the name,
 * roles, region and provider id, and the web app's settings of this deployment that only
 * signed-in pages use (the map's tile server, {@link MapProperties}). Not signed in is a
 * 401 problem.
 */
@RestController
@RequiredArgsConstructor
class SignedInUserController {

	private final MapProperties map;

	/**
	 * @param map the tile URL template and its attribution, both empty unless the
	 * deployment names a tile server
	 */
	record SignedInUser(String name, List<String> roles, String region, String providerId, MapProperties map) {

		static SignedInUser from(Map<String, Object> claims, String subject, MapProperties map) {
			Object roles = claims.get(SecurityConfiguration.ROLES_CLAIM);
			List<String> roleList = (roles instanceof List<?> list) ? list.stream().map(String::valueOf).toList()
					: List.of();
			Object name = claims.getOrDefault("name", claims.getOrDefault("preferred_username", subject));
			return new SignedInUser(String.valueOf(name), roleList, text(claims.get("region")),
					text(claims.get("provider_id")), map);
		}

		private static String text(Object value) {
			return (value != null) ? value.toString() : null;
		}

	}

	@GetMapping("/app/me")
	Mono<SignedInUser> me(Mono<Authentication> authentication) {
		return authentication.mapNotNull((signedIn) -> {
			if (signedIn.getPrincipal() instanceof OidcUser user) {
				return SignedInUser.from(user.getClaims(), user.getSubject(), this.map);
			}
			if (signedIn instanceof JwtAuthenticationToken jwt) {
				return SignedInUser.from(jwt.getToken().getClaims(), jwt.getToken().getSubject(), this.map);
			}
			return null;
		});
	}

}
