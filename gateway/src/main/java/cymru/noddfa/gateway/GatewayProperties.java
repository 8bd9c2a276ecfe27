package cymru.noddfa.gateway;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the services are and how the gateway guards them. The route URIs are read by the
 * routes in {@code application.yml} under the same names, so local, compose and k8s set
 * one property per service.
 *
 * @param registryUri the bed registry
 * @param matchingUri the placement matcher
 * @param notificationsUri the notifications service
 * @param retryAfter what a 503 tells a client to wait before trying again
 * @param maxBodySize the largest request body the gateway passes on
 * @param accessLogSlowAfter how long a request may take before its access-log line is
 * written at INFO like a failed one's
 */
@ConfigurationProperties("noddfa.gateway")
public record GatewayProperties(@DefaultValue("http://localhost:8081") URI registryUri,
		@DefaultValue("http://localhost:8082") URI matchingUri,
		@DefaultValue("http://localhost:8083") URI notificationsUri, @DefaultValue("10s") Duration retryAfter,
		@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("1s") Duration accessLogSlowAfter) {

}
