package cymru.noddfa.identity;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Two filter chains, as Spring Authorization Server intends: its own endpoints
 * (authorization, token, discovery, JWKS, user info, RP-initiated logout) and, for the
 * rest, the sign-in page, whose one-click forms go through Spring Security's form login.
 * A fresh RSA key each start signs every token, OIDC and script alike: tokens of an
 * earlier run stop working, as they should.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	IdentityConfiguration(Environment environment, DevIdentityProperties properties) {
		LoopbackOnly.check(environment, properties.allowNonLoopback());
	}

	@Bean
	@Order(1)
	SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
		http.oauth2AuthorizationServer((server) -> {
			http.securityMatcher(server.getEndpointsMatcher());
			server.oidc(Customizer.withDefaults());
		})
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.exceptionHandling((handling) -> handling.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain signIn(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/dev-auth/token", "/dev-auth/regions", "/actuator/health",
					"/actuator/health/**", "/error")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin((form) -> form.loginPage("/login").permitAll())
			// a script's token request carries no session to forge
			.csrf((csrf) -> csrf.ignoringRequestMatchers("/dev-auth/token"));
		return http.build();
	}

	/**
	 * The demo user the sign-in page's form names, whatever the password: there is none
	 * to remember in the local stack.
	 */
	@Bean
	AuthenticationProvider demoUsers(DevIdentityProperties properties) {
		return new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) {
				DemoUser user;
				try {
					user = DemoUser.fromSubject(authentication.getName(), properties.regions());
				}
				catch (InvalidFieldException ex) {
					throw new BadCredentialsException("No demo user called " + authentication.getName());
				}
				// the factor and when it was given, which the ID token's auth_time states
				return UsernamePasswordAuthenticationToken.authenticated(user.subject(), null,
						List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()),
								FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}
		};
	}

	@Bean
	RegisteredClientRepository registeredClients(DevIdentityProperties properties) {
		DevIdentityProperties.Gateway gateway = properties.gateway();
		RegisteredClient client = RegisteredClient.withId(gateway.clientId())
			.clientId(gateway.clientId())
			.clientSecret("{noop}" + gateway.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
			.redirectUris((uris) -> uris.addAll(gateway.redirectUris()))
			.postLogoutRedirectUris((uris) -> uris.addAll(gateway.postLogoutRedirectUris()))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.tokenTtl()).build())
			.build();
		return new InMemoryRegisteredClientRepository(client);
	}

	/**
	 * The same claims in the access token as the services check today ({@code roles},
	 * {@code region}, {@code provider_id}, {@code aud}), and in the ID token for the
	 * gateway's {@code /app/me}, with a display name.
	 */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> demoUserClaims(DevIdentityProperties properties, MessageSource messages) {
		return (context) -> {
			DemoUser user;
			try {
				user = DemoUser.fromSubject(context.getPrincipal().getName(), properties.regions());
			}
			catch (InvalidFieldException ex) {
				return;
			}
			if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				context.getClaims().audience(List.of(properties.audience()));
				user.claims().forEach(context.getClaims()::claim);
			}
			else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
				user.claims().forEach(context.getClaims()::claim);
				context.getClaims().claim("name", SignInPage.label(user, messages, Locale.ENGLISH));
			}
		};
	}

	@Bean
	RSAKey signingKey() throws JOSEException {
		return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.generate();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
		return new ImmutableJWKSet<>(new JWKSet(signingKey));
	}

	@Bean
	JwtEncoder tokenEncoder(JWKSource<SecurityContext> jwkSource) {
		return new NimbusJwtEncoder(jwkSource);
	}

}
