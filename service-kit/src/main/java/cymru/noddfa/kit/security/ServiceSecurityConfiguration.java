package cymru.noddfa.kit.security;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.DispatcherType;

import cymru.noddfa.edge.HeaderText;
import cymru.noddfa.edge.TokenChecks;
import cymru.noddfa.edge.VerifiedTokens;
import cymru.noddfa.kit.ProblemResponses;
import cymru.noddfa.kit.audit.AuditFilter;
import cymru.noddfa.kit.audit.AuditTrail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every HTTP service checks the token again (DESIGN §5): signature by the issuer's key
 * (RS256 only, so {@code alg=none} and HMAC tricks fail), issuer, audience and expiry.
 * Probes and the API description are open; other actuator endpoints and the audit trail
 * are for admins; each service's {@link AccessRules} say who may call its endpoints; any
 * request no rule allows is refused, so a new endpoint is closed until someone decides.
 * Stateless: no session, no CSRF token (there is no cookie to forge).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class ServiceSecurityConfiguration {

	/**
	 * Far more than all the users awake at once; a verified token with its claims is a
	 * kilobyte or two.
	 */
	private static final long MAX_REMEMBERED_TOKENS = 10_000;

	@Bean
	SecurityFilterChain serviceSecurity(HttpSecurity http, JwtDecoder jwtDecoder, MessageSource messages,
			ObjectProvider<AccessRules> serviceRules, ObjectProvider<AuditTrail> auditTrail) throws Exception {
		ProblemResponses problems = new ProblemResponses(messages);
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
					(ex instanceof InvalidBearerTokenException) ? "Bearer error=\"invalid_token\"" : "Bearer");
			problems.send(request, response, HttpStatus.UNAUTHORIZED, "unauthorized");
		};
		AuditTrail audit = auditTrail.getIfAvailable();
		AccessDeniedHandler forbidden = (request, response, ex) -> {
			// in the trail before the caller hears the answer, as every recorded write
			// is;
			// a trail that cannot be written still leaves the caller refused
			try {
				if (audit != null) {
					audit.recordRefusal(request, HttpStatus.FORBIDDEN.value());
				}
			}
			finally {
				problems.send(request, response, HttpStatus.FORBIDDEN, "forbidden");
			}
		};
		http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationEntryPoint(unauthorized)
				.accessDeniedHandler(forbidden)
				.bearerTokenResolver(new HeaderBearerTokenResolver())
				.jwt((jwt) -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(rolesAsAuthorities())))
			.authorizeHttpRequests((rules) -> {
				rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
				rules.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**")
					.permitAll();
				rules.requestMatchers("/actuator/**", "/v1/audit", "/v1/audit/**").hasRole(Role.ADMIN.name());
				serviceRules.orderedStream().forEach((service) -> service.apply(rules));
				rules.anyRequest().denyAll();
			});
		if (audit != null) {
			http.addFilterAfter(new AuditFilter(audit), AuthorizationFilter.class);
		}
		return http.build();
	}

	/**
	 * Spring's firewall with its rules for header names and values and parameter names as
	 * loops ({@link HeaderText}) instead of patterns run on every header each time one is
	 * read; everything else as Spring's default firewall has it.
	 */
	@Bean
	static WebSecurityCustomizer quickHeaderChecks() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderText::isAssignedAndNotControl);
		firewall.setAllowedHeaderValues(HeaderText::isHeaderValue);
		firewall.setAllowedParameterNames(HeaderText::isAssignedAndNotControl);
		return (web) -> web.httpFirewall(firewall);
	}

	/**
	 * No observation around each security filter, authentication and authorisation: each
	 * was a timer looked up and recorded per request, a large share of a search's CPU.
	 * Every request is still measured as a whole ({@code http.server.requests}).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	JwtDecoder jwtDecoder(SecurityProperties security, Clock clock) {
		SimpleClientHttpRequestFactory keySetRequests = new SimpleClientHttpRequestFactory();
		keySetRequests.setConnectTimeout(security.jwkSetConnectTimeout());
		keySetRequests.setReadTimeout(security.jwkSetReadTimeout());
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(security.jwkSetUri().toString())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.restOperations(new RestTemplate(keySetRequests))
			.build();
		decoder.setJwtValidator(TokenChecks.issuerAudienceAndExpiry(security.issuer(), security.audience()));
		return new VerifiedTokens(clock, security.rememberVerifiedTokensFor(), MAX_REMEMBERED_TOKENS).around(decoder);
	}

	@Bean
	WebMvcConfigurer callerArguments() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

	private static JwtAuthenticationConverter rolesAsAuthorities() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter((jwt) -> Callers.of(jwt)
			.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority(role.authority()))
			.map(org.springframework.security.core.GrantedAuthority.class::cast)
			.toList());
		return converter;
	}

}
