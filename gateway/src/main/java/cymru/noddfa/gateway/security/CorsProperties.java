package cymru.noddfa.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cross-origin access, off unless origins are listed: the web app is served by the
 * gateway itself, so only other front ends need an entry here.
 *
 * @param allowedOrigins exact origins such as {@code https://beds.example.nhs.wales}
 * @param allowedMethods the methods a listed origin may use
 * @param allowedHeaders the request headers a listed origin may send
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("noddfa.gateway.cors")
public record CorsProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue( {
		"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE" }) List<String> allowedMethods,
		@DefaultValue({ "Authorization", "Content-Type", "If-Match", "X-Request-Id",
				"Accept-Language" }) List<String> allowedHeaders,
		@DefaultValue("30m") Duration maxAge){

}
