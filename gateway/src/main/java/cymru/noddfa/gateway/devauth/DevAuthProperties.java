package cymru.noddfa.gateway.devauth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development token issuer of the local stack. It refuses to start outside the
 * {@code local} profile.
 *
 * @param enabled whether {@code /dev-auth/token} and {@code /dev-auth/jwks} exist
 * @param issuer the {@code iss} of the tokens it signs
 * @param audience the {@code aud} of the tokens it signs
 * @param tokenTtl how long a token lasts
 * @param regions the region codes a team or panel may sign in for (those of
 * {@code wales-regions.csv} by default)
 */
@ConfigurationProperties("noddfa.gateway.dev-auth")
public record DevAuthProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("http://localhost:8080/dev-auth") String issuer, @DefaultValue("noddfa") String audience,
		@DefaultValue("1h") Duration tokenTtl, @DefaultValue( {
				"CAV", "CTM", "GWE", "NWA", "POW", "WGL", "WWA" }) List<String> regions){

}
