package cymru.noddfa.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import cymru.noddfa.infra.EmbeddedInfrastructure;
import cymru.noddfa.infra.FreePort;
import cymru.noddfa.infra.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole of Noddfa on one machine: the embedded Kafka, PostgreSQL and Redis, and the
 * gateway, bed-registry, placement-matcher, notifications and panels services and the
 * development identity provider as child JVMs.
 */
public final class Stack implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Stack.class);

	public static final String GATEWAY = "gateway";

	public static final String REGISTRY = "bed-registry";

	public static final String MATCHER = "placement-matcher";

	public static final String NOTIFICATIONS = "notifications";

	public static final String PANELS = "panels";

	/** The development OIDC provider: signs people in and issues script tokens. */
	public static final String IDENTITY = "dev-identity";

	private final EmbeddedInfrastructure infra;

	private final Map<String, ServiceProcess> services;

	private Stack(EmbeddedInfrastructure infra, Map<String, ServiceProcess> services) {
		this.infra = infra;
		this.services = services;
	}

	public static Stack start(StackOptions options, Duration readyWithin) {
		EmbeddedInfrastructure infra = EmbeddedInfrastructure.start(options.dataDir(), options.infraPorts());
		// the panels service's database joins the ones the infrastructure makes itself
		infra.postgres().createDatabase(PANELS);
		Map<String, ServiceProcess> services = plan(options, infra);
		Stack stack = new Stack(infra, services);
		try {
			// the services do not need each other to start, so they boot at once; the
			// gateway reads the identity provider's discovery document as it starts, so
			// it
			// waits for the provider
			services.values()
				.stream()
				.filter((service) -> !service.name().equals(GATEWAY))
				.forEach(ServiceProcess::start);
			services.get(IDENTITY).awaitReady(readyWithin);
			services.get(GATEWAY).start();
			CompletableFuture
				.allOf(services.values()
					.stream()
					.map((service) -> CompletableFuture.runAsync(() -> service.awaitReady(readyWithin)))
					.toArray(CompletableFuture[]::new))
				.join();
		}
		catch (RuntimeException ex) {
			stack.close();
			throw ex;
		}
		return stack;
	}

	private static Map<String, ServiceProcess> plan(StackOptions options, EmbeddedInfrastructure infra) {
		StackOptions.ServicePorts ports = options.ports();
		List<String> common = new ArrayList<>(List.of("--spring.profiles.active=" + options.profile(),
				"--spring.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers(),
				"--spring.data.redis.host=" + infra.redis().host(), "--spring.data.redis.port=" + infra.redis().port(),
				"--spring.datasource.username=" + PostgresServer.USER,
				"--spring.datasource.password=" + PostgresServer.PASSWORD));
		int identityPort = (ports.identity() != 0) ? ports.identity() : FreePort.pick();
		String issuer = "http://localhost:" + identityPort;
		String keys = "http://127.0.0.1:" + identityPort + "/oauth2/jwks";
		// the services check every token again, against the development identity provider
		List<String> trusted = new ArrayList<>(common);
		trusted.addAll(List.of("--noddfa.security.jwk-set-uri=" + keys, "--noddfa.security.issuer=" + issuer));
		Map<String, ServiceProcess> services = new LinkedHashMap<>();
		String gateway = ":" + ports.gateway() + "/";
		services.put(IDENTITY,
				service(options, IDENTITY, identityPort, "/actuator/health/readiness", List.of(),
						List.of("--noddfa.dev-identity.gateway.redirect-uris=http://localhost" + gateway
								+ "login/oauth2/code/noddfa,http://127.0.0.1" + gateway + "login/oauth2/code/noddfa",
								"--noddfa.dev-identity.gateway.post-logout-redirect-uris=http://localhost" + gateway
										+ ",http://127.0.0.1" + gateway)));
		services.put(REGISTRY,
				service(options, REGISTRY, ports.registry(), "/actuator/health/readiness", trusted,
						List.of("--spring.datasource.url=" + infra.postgres().jdbcUrl("registry"),
								"--noddfa.registry.demo-data.enabled=" + options.demoData())));
		services.put(MATCHER, service(options, MATCHER, ports.matcher(), "/actuator/health/readiness", trusted,
				List.of("--spring.datasource.url=" + infra.postgres().jdbcUrl("matcher"))));
		services.put(NOTIFICATIONS,
				service(options, NOTIFICATIONS, ports.notifications(), "/actuator/health/readiness", trusted,
						List.of("--spring.datasource.url=" + infra.postgres().jdbcUrl("notifications"),
								// no mail server runs beside the stack: demo contacts'
								// emails would only dead-letter
								"--noddfa.notifications.demo-contacts=false",
								// links in messages lead to this stack's gateway
								// on whatever port it has
								"--noddfa.notifications.alerts.public-base-url=http://127.0.0.1" + gateway
										+ "api/notifications")));
		services.put(PANELS, service(options, PANELS, ports.panels(), "/actuator/health/readiness", trusted,
				List.of("--spring.datasource.url=" + infra.postgres().jdbcUrl(PANELS))));
		services.put(GATEWAY,
				service(options, GATEWAY, ports.gateway(), "/actuator/health/readiness", common,
						List.of("--noddfa.dev-identity-uri=" + issuer,
								"--noddfa.gateway.dev-auth.uri=http://127.0.0.1:" + identityPort,
								"--noddfa.gateway.security.jwk-set-uri=" + keys,
								"--noddfa.gateway.registry-uri=http://127.0.0.1:" + ports.registry(),
								"--noddfa.gateway.matching-uri=http://127.0.0.1:" + ports.matcher(),
								"--noddfa.gateway.notifications-uri=http://127.0.0.1:" + ports.notifications(),
								"--noddfa.gateway.panels-uri=http://127.0.0.1:" + ports.panels())));
		return services;
	}

	private static ServiceProcess service(StackOptions options, String name, int port, String readiness,
			List<String> common, List<String> own) {
		List<String> args = new ArrayList<>(common);
		args.addAll(own);
		args.addAll(options.serviceArgs().getOrDefault(name, List.of()));
		Path jar = options.servicesDir().resolve(name + ".jar");
		return new ServiceProcess(name, jar, port, readiness, options.jvmArgs(), args,
				options.dataDir().resolve("logs").resolve(name + ".log"));
	}

	public EmbeddedInfrastructure infrastructure() {
		return this.infra;
	}

	public ServiceProcess service(String name) {
		ServiceProcess service = this.services.get(name);
		if (service == null) {
			throw new IllegalArgumentException("No service called " + name);
		}
		return service;
	}

	public String gatewayUrl() {
		return service(GATEWAY).url();
	}

	/** Child JVMs still running, for a launcher that must leave no process behind. */
	public List<Long> servicePids() {
		return this.services.values().stream().map(ServiceProcess::pid).filter((pid) -> pid > 0).toList();
	}

	/**
	 * Starts another instance of one of the services beside the stack, with the same
	 * settings plus {@code extraArgs}, on a free port; it stops with the stack.
	 */
	public ServiceProcess startAnother(String name, String of, List<String> extraArgs, Duration readyWithin) {
		ServiceProcess another = service(of).another(name, FreePort.pick(), extraArgs);
		this.services.put(name, another);
		another.start().awaitReady(readyWithin);
		return another;
	}

	public String identityUrl() {
		return service(IDENTITY).url();
	}

	/** Stops the gateway first, so no request arrives at a service that is going away. */
	@Override
	public void close() {
		service(GATEWAY).stop();
		CompletableFuture
			.allOf(this.services.values()
				.stream()
				.map((service) -> CompletableFuture.runAsync(service::stop))
				.toArray(CompletableFuture[]::new))
			.join();
		this.infra.close();
		log.info("Noddfa stopped");
	}

}
