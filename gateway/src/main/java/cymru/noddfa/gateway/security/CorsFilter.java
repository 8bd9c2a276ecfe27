package cymru.noddfa.gateway.security;

import java.util.List;

import cymru.noddfa.gateway.problem.GatewayProblems;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Cross-origin requests from the origins in {@code noddfa.gateway.cors.allowed-origins},
 * answered before authentication so that a browser's preflight needs no token. A
 * cross-origin request from any other origin is a 403 problem, like every error the
 * gateway answers itself. With no origins listed it does nothing: no CORS headers, so
 * browsers keep to the same origin.
 */
class CorsFilter implements WebFilter, Ordered {

	private final UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();

	private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

	private final GatewayProblems problems;

	private final boolean enabled;

	CorsFilter(CorsProperties cors, GatewayProblems problems) {
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(cors.allowedOrigins());
		configuration.setAllowedMethods(cors.allowedMethods());
		configuration.setAllowedHeaders(cors.allowedHeaders());
		configuration.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "ETag", "Location"));
		configuration.setMaxAge(cors.maxAge());
		this.source.registerCorsConfiguration("/**", configuration);
		this.problems = problems;
		this.enabled = !cors.allowedOrigins().isEmpty();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.enabled || !CorsUtils.isCorsRequest(exchange.getRequest())) {
			return chain.filter(exchange);
		}
		CorsConfiguration configuration = this.source.getCorsConfiguration(exchange);
		if (!this.processor.process(configuration, exchange)) {
			exchange.getResponse().getHeaders().clearContentHeaders();
			return this.problems.send(exchange, this.problems.problem(exchange, HttpStatus.FORBIDDEN, "cors-rejected"));
		}
		if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
			return Mono.empty();
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		// before the security filters (-100): a preflight carries no token
		return -150;
	}

}
