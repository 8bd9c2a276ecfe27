package cymru.noddfa.gateway.security;

import cymru.noddfa.edge.TokenChecks;
import cymru.noddfa.gateway.limits.RateLimitFilter;
import cymru.noddfa.gateway.problem.GatewayProblems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import reactor.core.publisher.Mono;

/**
 * The gateway's front door: security headers on every response, CORS only for listed
 * origins ({@link CorsFilter}), and bearer tokens checked for signature, issuer, audience
 * and expiry when an issuer is configured. Stateless: no session, no CSRF token (there is
 * no cookie to forge), no login form.
 * <p>
 * With an issuer configured the API routes need a valid token (the services check it
 * again and decide what each role may do); {@code /actuator/prometheus} needs an
 * {@code ADMIN} token, whatever else is configured: metrics are not public.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

	static final String ROLES_CLAIM = "roles";

	static final String ADMIN = "ADMIN";

	/**
	 * Open to anyone, whether or not the API needs a token: the probes, the development
	 * issuer (local profile only), the services' API descriptions (the public contract)
	 * and the web app's own files, which hold no data and are needed to sign in at all.
	 */
	static final String[] OPEN_PATHS = { "/actuator/health", "/actuator/health/**", "/dev-auth", "/dev-auth/**",
			"/api/*/v3/api-docs", "/api/*/v3/api-docs/**", "/", "/index.html", "/app.js", "/app.css", "/app/messages" };

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SecurityProperties security,
			CorsProperties cors, ObjectProvider<ReactiveJwtDecoder> decoder, GatewayProblems problems,
			RateLimitFilter rateLimits) {
		// a refused caller is anonymous: it spends from the anonymous bucket of its
		// address
		ServerAuthenticationEntryPoint unauthorized = (exchange, ex) -> rateLimits.limitAnonymous(exchange,
				Mono.defer(() -> {
					exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
					return problems.send(exchange, problems.problem(exchange, HttpStatus.UNAUTHORIZED, "unauthorized"));
				}));
		ServerAccessDeniedHandler forbidden = (exchange, ex) -> problems.send(exchange,
				problems.problem(exchange, HttpStatus.FORBIDDEN, "forbidden"));
		http.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.headers((headers) -> headers
				.contentSecurityPolicy((csp) -> csp.policyDirectives(security.contentSecurityPolicy()))
				.frameOptions((frame) -> frame.mode(Mode.DENY))
				.hsts((hsts) -> hsts.maxAge(security.hstsMaxAge()).includeSubdomains(true))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.authorizeExchange((exchanges) -> {
				exchanges.pathMatchers(OPEN_PATHS).permitAll();
				exchanges.pathMatchers("/actuator/prometheus").hasRole(ADMIN);
				if (security.requireAuthentication()) {
					exchanges.pathMatchers("/api/**").authenticated();
				}
				// everything else is a page of the web app or a 404 problem
				exchanges.anyExchange().permitAll();
			});
		// CORS is answered by CorsFilter, ahead of these filters
		http.cors(ServerHttpSecurity.CorsSpec::disable);
		ReactiveJwtDecoder jwtDecoder = decoder.getIfAvailable();
		if (jwtDecoder != null) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden)
				.jwt((jwt) -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(rolesAsAuthorities())));
		}
		return http.build();
	}

	@Bean
	CorsFilter corsFilter(CorsProperties cors, GatewayProblems problems) {
		return new CorsFilter(cors, problems);
	}

	/** Present only when an issuer's keys are configured. */
	@Bean
	@ConditionalOnProperty("noddfa.gateway.security.jwk-set-uri")
	ReactiveJwtDecoder jwtDecoder(SecurityProperties security) {
		return decoder(security);
	}

	/**
	 * Signature by a key from the issuer's JWKS (RS256 only, so {@code alg=none} and HMAC
	 * tricks fail), then issuer, audience and expiry (Spring checks no audience unless
	 * told to).
	 */
	static NimbusReactiveJwtDecoder decoder(SecurityProperties security) {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(security.jwkSetUri().toString())
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
