package cymru.noddfa.identity;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development identity provider. Its issuer is
 * {@code spring.security.oauth2.authorizationserver.issuer}.
 *
 * @param allowNonLoopback whether it may listen on an address other than loopback: it
 * signs anyone in without a password, so only a setting that says so in so many words
 * lets it
 * @param audience the {@code aud} of every access token it issues
 * @param tokenTtl how long an access token lasts
 * @param regions the region codes a crisis team or panel may sign in for (those of
 * {@code wales-regions.csv})
 * @param providers the provider ids offered on the sign-in page (those of the demo
 * provisions); {@code /dev-auth/token} takes any well-formed provider id
 * @param gateway the gateway, the one client that signs people in
 */
@ConfigurationProperties("noddfa.dev-identity")
public record DevIdentityProperties(@DefaultValue("false") boolean allowNonLoopback,
		@DefaultValue("noddfa") String audience, @DefaultValue("1h") Duration tokenTtl, @DefaultValue( {
				"CAV", "CTM", "GWE", "NWA", "POW", "WGL", "WWA" }) List<String> regions,
		@DefaultValue({ "cardiff-and-vale-partnership", "cwm-taf-morgannwg-partnership", "gwent-partnership",
				"north-wales-partnership", "swansea-bay-health-board", "west-wales-partnership",
				"wrexham-and-health-board" }) List<String> providers,
		@DefaultValue Gateway gateway){

	/**
	 * The gateway as an OAuth2 client: authorization code with PKCE, and refresh tokens.
	 *
	 * @param clientId its client id
	 * @param clientSecret its secret (a development value: this provider never runs with
	 * real data)
	 * @param redirectUris where it may receive the code; on a loopback address (such as
	 * {@code 127.0.0.1}) any port matches
	 * @param postLogoutRedirectUris where it may send people after signing out
	 */
	public record Gateway(@DefaultValue("noddfa-gateway") String clientId,
			@DefaultValue("noddfa-local-secret") String clientSecret, @DefaultValue( {
					"http://localhost:8080/login/oauth2/code/noddfa",
					"http://127.0.0.1:8080/login/oauth2/code/noddfa" }) List<String> redirectUris,
			@DefaultValue({ "http://localhost:8080/", "http://127.0.0.1:8080/" }) List<String> postLogoutRedirectUris){

	}

}
