package cymru.noddfa.kit.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link Caller} out of a validated token. */
public final class Callers {

	static final String ROLES = "roles";

	static final String REGION = "region";

	static final String PROVIDER_ID = "provider_id";

	private Callers() {
	}

	/** The caller of the request on this thread, if it carried a valid token. */
	public static Optional<Caller> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return Optional.of(of(token.getToken()));
		}
		return Optional.empty();
	}

	static Caller of(Jwt jwt) {
		return new Caller(jwt.getSubject(), Caller.roles(jwt.getClaimAsStringList(ROLES)), jwt.getClaimAsString(REGION),
				jwt.getClaimAsString(PROVIDER_ID));
	}

}
