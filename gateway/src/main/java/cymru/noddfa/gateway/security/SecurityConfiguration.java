package cymru.noddfa.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import cymru.noddfa.edge.HeaderText;
import cymru.noddfa.edge.TokenChecks;
import cymru.noddfa.gateway.requestid.RequestIdFilter;
import cymru.noddfa.edge.VerifiedTokens;
import cymru.noddfa.gateway.limits.RateLimitFilter;
import cymru.noddfa.gateway.problem.GatewayProblems;
import cymru.noddfa.gateway.webapp.MapProperties;
import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.session.CookieWebSessionIdResolver;
import org.springframework.web.server.session.WebSessionIdResolver;
import reactor.core.publisher.Mono;

/**
 * The gateway's front door: security headers on every response, CORS only for listed
 * origins ({@link CorsFilter}), and two ways in.
 * <ul>
 * <li><b>People</b> sign in through OIDC (authorization code with PKCE) when a client
 * registration {@code noddfa} is configured: the gateway is the backend-for-frontend.
 * Their tokens stay in the server-side session (Spring Session in Redis, so any instance
 * serves them; the cookie is HttpOnly and SameSite=Lax), the access token is relayed to
 * the services ({@code TokenRelay}, refreshed when it expires), and signing out ends the
 * session at the provider too. No endpoint hands a token to the browser. Every
 * state-changing call with the session needs the CSRF token: the {@code XSRF-TOKEN}
 * cookie, which the page's script reads, sent back as {@code X-XSRF-TOKEN}.</li>
 * <li><b>Other systems</b> send {@code Authorization: Bearer}, checked for signature,
 * issuer, audience and expiry. They need no CSRF token: a browser never adds that header
 * to a cross-site request by itself, and such calls create no session.</li>
 * </ul>
 * With an issuer configured the API routes need a valid token or a signed-in session (the
 * services check the token again and decide what each role may do);
 * {@code /actuator/prometheus} needs an {@code ADMIN} token, whatever else is configured:
 * metrics are not public.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@Slf4j
class SecurityConfiguration {

	static final String ROLES_CLAIM = "roles";

	static final String ADMIN = "ADMIN";

	/** The client registration people sign in with. */
	static final String REGISTRATION = "noddfa";

	static final String CSRF_HEADER = "X-XSRF-TOKEN";

	/**
	 * Far more than all the callers at once; a verified token with its claims is a
	 * kilobyte or two.
	 */
	private static final long MAX_REMEMBERED_TOKENS = 10_000;

	/**
	 * Open to anyone, whether or not the API needs a token: the probes, the development
	 * token route (local profile only), the services' API descriptions (the public
	 * contract), the web app's own files, which hold no data and are needed to sign in at
	 * all, and the start and end of the sign-in flow.
	 */
	static final String[] OPEN_PATHS = { "/actuator/health", "/actuator/health/**", "/dev-auth/token", "/dev-auth/jwks",
			"/dev-auth/regions", "/api/*/v3/api-docs", "/api/*/v3/api-docs/**", "/", "/index.html", "/app.js",
			"/app.css", "/app/messages", "/map/wales.json", "/oauth2/authorization/*", "/login/oauth2/code/*" };

	/**
	 * No observation around each security filter, authentication and authorisation: each
	 * was a timer looked up and recorded per request. Every request is still measured as
	 * a whole ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring's firewall with its rules for header names and values and parameter names as
	 * loops ({@link HeaderText}) that accept exactly what its patterns accept, instead of
	 * patterns run on every header each time one is read; everything else as Spring's
	 * default firewall has it. Spring Security takes a single bean of this type as the
	 * firewall of its filter chain.
	 */
	@Bean
	static ServerWebExchangeFirewall quickHeaderChecks() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		// this firewall asks about a header that is absent too (null), which its own
		// rules let through
		firewall.setAllowedHeaderNames((name) -> name == null || HeaderText.isAssignedAndNotControl(name));
		firewall.setAllowedHeaderValues((value) -> value == null || HeaderText.isHeaderValue(value));
		firewall.setAllowedParameterNames((name) -> name == null || HeaderText.isAssignedAndNotControl(name));
		return firewall;
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SecurityProperties security,
			MapProperties map, ObjectProvider<ReactiveJwtDecoder> decoder,
			ObjectProvider<ReactiveClientRegistrationRepository> registrations,
			ServerOAuth2AuthorizedClientRepository authorizedClients, ObjectProvider<WebSessionIdResolver> sessionIds,
			GatewayProblems problems, RateLimitFilter rateLimits) {
		// a refused caller is anonymous: it spends from the anonymous bucket of its
		// address
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> rateLimits.limitAnonymous(exchange,
				Mono.defer(() -> {
					exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
					return problems.send(exchange, problems.problem(exchange, HttpStatus.UNAUTHORIZED, "unauthorized"));
				}));
		ServerAccessDeniedHandler forbidden = (exchange, ex) -> problems.send(exchange,
				problems.problem(exchange, HttpStatus.FORBIDDEN, "forbidden"));
		http.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens())
			// the token as the cookie holds it: the page's script copies it into the
			// header
			.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
			.requireCsrfProtectionMatcher(
					sessionCallsThatChangeState(sessionIds.getIfAvailable(CookieWebSessionIdResolver::new)))
			.accessDeniedHandler(forbidden))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(
						ContentSecurityPolicy.allowingImagesFrom(security.contentSecurityPolicy(), map.tileSource())))
				.frameOptions((frame) -> frame.mode(Mode.DENY))
				.hsts((hsts) -> hsts.maxAge(security.hstsMaxAge()).includeSubdomains(true))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.authorizeExchange((exchanges) -> {
				exchanges.pathMatchers(OPEN_PATHS).permitAll();
				exchanges.matchers(SignedAcknowledgementLinks.MATCHER).permitAll();
				exchanges.pathMatchers("/actuator/prometheus").hasRole(ADMIN);
				exchanges.pathMatchers("/app/me").authenticated();
				if (security.requireAuthentication()) {
					exchanges.pathMatchers("/api/**").authenticated();
				}
				// everything else is a page of the web app or a 404 problem
				exchanges.anyExchange().permitAll();
			});
		// CORS is answered by CorsFilter, ahead of these filters
		http.cors(ServerHttpSecurity.CorsSpec::disable);
		ReactiveClientRegistrationRepository clients = registrations.getIfAvailable();
		if (clients != null) {
			http.oauth2Login((login) -> login.authorizedClientRepository(authorizedClients)
				.authorizationRequestResolver(withPkce(clients))
				.authenticationFailureHandler(signInFailed()))
				.logout((logout) -> logout.logoutSuccessHandler(signOutAtTheProvider(clients)));
		}
		else {
			http.logout(ServerHttpSecurity.LogoutSpec::disable);
		}
		ReactiveJwtDecoder jwtDecoder = decoder.getIfAvailable();
		if (jwtDecoder != null) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden)
				.bearerTokenConverter(new HeaderBearerTokenConverter())
				.jwt((jwt) -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(rolesAsAuthorities())));
		}
		return http.build();
	}

	/**
	 * The cookie the web app's script reads ({@code XSRF-TOKEN}, not HttpOnly by design:
	 * it is worth nothing without the session cookie, which is).
	 */
	private static CookieServerCsrfTokenRepository csrfTokens() {
		CookieServerCsrfTokenRepository tokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
		tokens.setHeaderName(CSRF_HEADER);
		tokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		return tokens;
	}

	/**
	 * Every state-changing call that carries the session cookie, the ambient authority a
	 * forged cross-site request would ride on, except one that carries its own bearer
	 * token: a browser never adds that header to a cross-site request by itself, and the
	 * bearer token is what authenticates it.
	 */
	private static ServerWebExchangeMatcher sessionCallsThatChangeState(WebSessionIdResolver sessionIds) {
		// a signed acknowledgement link's form is authorised by its signature, not by the
		// cookie, and comes from a page that has no CSRF token to send
		return (exchange) -> SignedAcknowledgementLinks.MATCHER.matches(exchange).flatMap((link) -> {
			boolean sessionCall = !link.isMatch() && !sessionIds.resolveSessionIds(exchange).isEmpty()
					&& !exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
			return sessionCall ? CsrfWebFilter.DEFAULT_CSRF_MATCHER.matches(exchange)
					: ServerWebExchangeMatcher.MatchResult.notMatch();
		});
	}

	/**
	 * Issues the {@code XSRF-TOKEN} cookie on every response where there is none yet, so
	 * the web app has it before its first change (Spring issues it only when asked for).
	 */
	@Bean
	WebFilter csrfCookieIssuer() {
		return new CsrfCookieFilter();
	}

	/**
	 * Back to the web app, which says so; the log says why (the provider's error code,
	 * never a token).
	 */
	private static ServerAuthenticationFailureHandler signInFailed() {
		RedirectServerAuthenticationFailureHandler redirect = new RedirectServerAuthenticationFailureHandler(
				"/?sign-in=failed");
		return (exchange, ex) -> {
			RequestIdFilter.withRequestIdInLogs(exchange.getExchange(),
					() -> log
						.warn("A sign-in failed at the identity provider's answer ({}); the person is sent back to the "
								+ "web app to try again", ex.getMessage()));
			return redirect.onAuthenticationFailure(exchange, ex);
		};
	}

	private static ServerOAuth2AuthorizationRequestResolver withPkce(ReactiveClientRegistrationRepository clients) {
		DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(
				clients);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		return resolver;
	}

	/**
	 * OIDC RP-initiated logout: the provider's session ends too, then back to the app.
	 */
	private static ServerLogoutSuccessHandler signOutAtTheProvider(ReactiveClientRegistrationRepository clients) {
		OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(
				clients);
		handler.setPostLogoutRedirectUri("{baseUrl}/");
		handler.setLogoutSuccessUrl(URI.create("/"));
		return handler;
	}

	/**
	 * The user's tokens live in their session, so every gateway instance sharing the
	 * session store can relay and refresh them (the default keeps them in one instance's
	 * memory).
	 */
	@Bean
	ServerOAuth2AuthorizedClientRepository authorizedClients() {
		return new WebSessionServerOAuth2AuthorizedClientRepository();
	}

	/** What {@code TokenRelay} asks for the access token, refreshing it when expired. */
	@Bean
	@ConditionalOnBean(ReactiveClientRegistrationRepository.class)
	ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository clients,
			ServerOAuth2AuthorizedClientRepository authorizedClients) {
		DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(clients,
				authorizedClients);
		manager.setAuthorizedClientProvider(
				ReactiveOAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build());
		return manager;
	}

	@Bean
	CorsFilter corsFilter(CorsProperties cors, GatewayProblems problems) {
		return new CorsFilter(cors, problems);
	}

	/** Present only when an issuer's keys are configured. */
	@Bean
	@ConditionalOnProperty("noddfa.gateway.security.jwk-set-uri")
	ReactiveJwtDecoder jwtDecoder(SecurityProperties security) {
		return remembering(decoder(security),
				new VerifiedTokens(Clock.systemUTC(), security.rememberVerifiedTokensFor(), MAX_REMEMBERED_TOKENS));
	}

	/**
	 * A bearer token verified once is recalled, not verified again, for the rest of its
	 * life (see {@link VerifiedTokens}): a client calling again and again costs one RS256
	 * verification, not one a call.
	 */
	static ReactiveJwtDecoder remembering(ReactiveJwtDecoder verifier, VerifiedTokens memory) {
		return (token) -> memory.recall(token)
			.map(Mono::just)
			.orElseGet(() -> verifier.decode(token).doOnNext((jwt) -> memory.remember(token, jwt)));
	}

	/**
	 * Signature by a key from the issuer's JWKS (RS256 only, so {@code alg=none} and HMAC
	 * tricks fail), then issuer, audience and expiry (Spring checks no audience unless
	 * told to).
	 */
	static NimbusReactiveJwtDecoder decoder(SecurityProperties security) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(security.jwkSetUri().toString())
			.webClient(KeySetClient.webClient(security, Clock.systemUTC()))
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		decoder.setJwtValidator(TokenChecks.issuerAudienceAndExpiry(security.issuer(), security.audience()));
		return decoder;
	}

	private static ReactiveJwtAuthenticationConverterAdapter rolesAsAuthorities() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName(ROLES_CLAIM);
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

}
