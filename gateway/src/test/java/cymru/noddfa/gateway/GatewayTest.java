package cymru.noddfa.gateway;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import cymru.noddfa.testsupport.WithInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as deployed, on a random port, in front of four real HTTP servers standing
 * in for the services, with the real Redis. Every test class extending this shares one
 * Spring context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "noddfa.gateway.max-body-size=1KB", "noddfa.gateway.retry-after=7s",
				"noddfa.gateway.matching-response-timeout-ms=800",
				"noddfa.gateway.notifications-response-timeout-ms=800",
				"noddfa.gateway.rate-limit.anonymous.per-second=20", "noddfa.gateway.rate-limit.anonymous.burst=40",
				"resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=4",
				"resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
				"resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state=1" })
@WithInfrastructure(database = "gateway")
@Import(GatewayTest.ConnectionAttempts.class)
abstract class GatewayTest {

	static final StubService registry = StubService.start("registry");

	static final StubService matching = StubService.start("matching");

	static final StubService notifications = StubService.start("notifications");

	static final StubService panels = StubService.start("panels");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry properties) {
		properties.add("noddfa.gateway.registry-uri", () -> registry.uri().toString());
		properties.add("noddfa.gateway.matching-uri", () -> matching.uri().toString());
		properties.add("noddfa.gateway.notifications-uri", () -> notifications.uri().toString());
		properties.add("noddfa.gateway.panels-uri", () -> panels.uri().toString());
	}

	GatewayClient client() {
		return new GatewayClient(this.port);
	}

	/**
	 * How many connections the gateway has tried to open to {@code service}, refused ones
	 * included: a stopped service records no requests, so this is how a test sees the
	 * gateway try again.
	 */
	static int connectionAttemptsTo(StubService service) {
		return ConnectionAttempts.byPort.getOrDefault(service.uri().getPort(), new AtomicInteger()).get();
	}

	/** Counts every channel the gateway's HTTP client opens, by the service's port. */
	@TestConfiguration(proxyBeanMethods = false)
	static class ConnectionAttempts {

		static final Map<Integer, AtomicInteger> byPort = new ConcurrentHashMap<>();

		@Bean
		HttpClientCustomizer countingConnectionAttempts() {
			return (client) -> client.doOnChannelInit((observer, channel, remote) -> {
				if (remote instanceof InetSocketAddress address) {
					byPort.computeIfAbsent(address.getPort(), (port) -> new AtomicInteger()).incrementAndGet();
				}
			});
		}

	}

}
