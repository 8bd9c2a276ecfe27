package cymru.noddfa.deploy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 2: docker-compose.yml against the services' own configuration. Every
 * variable a service is given is a setting it reads, under the one name it has
 * everywhere; ports, health checks, databases and the issuer agree with the services'
 * application.yml. ({@code docker-compose config} checks the file's syntax in .ci/run.)
 */
class ComposeFileTest {

	static final List<String> services = ServiceModule.NAMES;

	/** The services and the development identity provider: everything built here. */
	static final List<String> images = ServiceModule.IMAGES;

	/** Reached from the host: through these the browser and scripts reach the stack. */
	static final List<String> published = List.of("gateway", ServiceModule.DEV_IDENTITY);

	static final List<String> servicesWithADatabase = List.of("bed-registry", "placement-matcher", "notifications",
			"panels");

	private static final Pattern HEALTH_CHECK = Pattern
		.compile("/dev/tcp/127\\.0\\.0\\.1/(\\d+).*GET (/actuator/health/\\S+) HTTP");

	private static final Map<String, Object> compose = Yaml.file(ServiceModule.root().resolve("docker-compose.yml"));

	@ParameterizedTest
	@FieldSource("images")
	void every_variable_a_service_is_given_is_a_setting_it_reads(String service) {
		DeclaredProperties declared = ServiceModule.named(service).declaredProperties();
		assertThat(environment(service).keySet()).isNotEmpty()
			.allSatisfy((variable) -> assertThat(declared.declares(variable))
				.as("%s in docker-compose.yml is no setting %s reads", variable, service)
				.isTrue());
	}

	@Test
	void a_misspelt_or_unknown_variable_is_not_taken_for_a_setting() {
		DeclaredProperties declared = ServiceModule.named("bed-registry").declaredProperties();
		assertThat(declared.declares("NODDFA_SECURITY_JWKSETURI")).isTrue();
		assertThat(declared.declares("SPRING_KAFKA_CONSUMER_PROPERTIES_MAX_POLL_RECORDS")).isTrue();
		assertThat(declared.declares("NODDFA_SECURITY_JWKSETURL")).isFalse();
		assertThat(declared.declares("NODDFA_REGISTRY_DEMODATA")).isFalse();
		assertThat(declared.declares("NODDFA_MATCHER_HOLDS_TTL")).isFalse();
	}

	@ParameterizedTest
	@FieldSource("images")
	void each_service_listens_on_its_configured_port_and_only_the_gateway_and_dev_identity_are_published(
			String service) {
		ServiceModule module = ServiceModule.named(service);
		List<String> exposed = Yaml.list(service(service), "expose").stream().map(String::valueOf).toList();
		List<String> ports = Yaml.list(service(service), "ports").stream().map(String::valueOf).toList();
		if (published.contains(service)) {
			assertThat(ports).containsExactly("127.0.0.1:" + module.port() + ":" + module.port());
		}
		else {
			assertThat(ports).isEmpty();
			assertThat(exposed).containsExactly(String.valueOf(module.port()));
		}
	}

	@Test
	void every_published_port_is_on_the_loopback_address_only() {
		Map<String, Object> all = Yaml.map(compose, "services");
		assertThat(all.keySet()).containsAll(images);
		all.forEach((name, definition) -> {
			for (Object port : Yaml.list(definition, "ports")) {
				assertThat(String.valueOf(port)).as("port of %s", name).startsWith("127.0.0.1:");
			}
		});
	}

	@ParameterizedTest
	@FieldSource("images")
	void each_health_check_asks_a_health_group_the_service_has_on_its_port(String service) {
		ServiceModule module = ServiceModule.named(service);
		String test = String.join(" ",
				Yaml.list(service(service), "healthcheck", "test").stream().map(String::valueOf).toList());
		Matcher check = HEALTH_CHECK.matcher(test);
		assertThat(check.find()).as("health check of %s: %s", service, test).isTrue();
		assertThat(Integer.parseInt(check.group(1))).isEqualTo(module.port());
		assertThat(module.healthPaths()).contains(check.group(2));
	}

	@ParameterizedTest
	@FieldSource("images")
	void each_image_is_built_from_its_service_module_runs_read_only_and_can_be_scaled(String service) {
		Map<String, Object> definition = service(service);
		assertThat(Yaml.string(definition, "build", "context")).isEqualTo(".");
		assertThat(Yaml.string(definition, "build", "args", "MODULE")).isEqualTo(service);
		assertThat(Yaml.string(definition, "build", "args", "PORT"))
			.isEqualTo(String.valueOf(ServiceModule.named(service).port()));
		assertThat(Yaml.string(definition, "image")).isEqualTo("noddfa/" + service + ":" + ServiceModule.VERSION);
		assertThat(ServiceModule.dockerfile()).isRegularFile();
		assertThat(definition).as("a fixed container name would stop --scale").doesNotContainKey("container_name");
		assertThat(definition.get("read_only")).isEqualTo(true);
		assertThat(Yaml.list(definition, "tmpfs")).containsExactly("/tmp");
	}

	@ParameterizedTest
	@FieldSource("servicesWithADatabase")
	void each_service_uses_its_own_database_on_the_one_server(String service) {
		ServiceModule module = ServiceModule.named(service);
		String own = database(String.valueOf(module.setting("spring.datasource.url").orElseThrow()));
		String url = environment(service).get("SPRING_DATASOURCE_URL");
		assertThat(url).isEqualTo("jdbc:postgresql://postgres:5432/" + own);
		assertThat(Yaml.string(service("postgres-databases"), "entrypoint")).contains(own);
		assertThat(environment(service)).containsEntry("SPRING_KAFKA_BOOTSTRAPSERVERS", "kafka:9092");
		assertThat(Yaml.string(service(service), "depends_on", "kafka", "condition")).isEqualTo("service_healthy");
		assertThat(Yaml.string(service(service), "depends_on", "postgres-databases", "condition"))
			.isEqualTo("service_completed_successfully");
	}

	@Test
	void only_services_that_keep_data_in_redis_are_given_it_and_wait_for_it() {
		for (String service : services) {
			boolean readsRedis = ServiceModule.named(service).setting("spring.data.redis.host").isPresent();
			assertThat(environment(service).containsKey("SPRING_DATA_REDIS_HOST")).as(service).isEqualTo(readsRedis);
			if (readsRedis) {
				assertThat(environment(service)).containsEntry("SPRING_DATA_REDIS_HOST", "redis");
				assertThat(Yaml.string(service(service), "depends_on", "redis", "condition"))
					.isEqualTo("service_healthy");
			}
		}
	}

	@Test
	void the_gateway_routes_to_each_service_by_name_on_its_port() {
		Map<String, String> gateway = environment("gateway");
		assertThat(URI.create(gateway.get("NODDFA_GATEWAY_REGISTRYURI")))
			.isEqualTo(URI.create("http://bed-registry:" + ServiceModule.named("bed-registry").port()));
		assertThat(URI.create(gateway.get("NODDFA_GATEWAY_MATCHINGURI")))
			.isEqualTo(URI.create("http://placement-matcher:" + ServiceModule.named("placement-matcher").port()));
		assertThat(URI.create(gateway.get("NODDFA_GATEWAY_NOTIFICATIONSURI")))
			.isEqualTo(URI.create("http://notifications:" + ServiceModule.named("notifications").port()));
		assertThat(URI.create(gateway.get("NODDFA_GATEWAY_PANELSURI")))
			.isEqualTo(URI.create("http://panels:" + ServiceModule.named("panels").port()));
	}

	@Test
	void the_gateway_and_the_services_trust_the_development_identity_provider() {
		ServiceModule gateway = ServiceModule.named("gateway");
		ServiceModule identity = ServiceModule.named(ServiceModule.DEV_IDENTITY);
		Map<String, String> provider = environment(ServiceModule.DEV_IDENTITY);
		String issuer = String
			.valueOf(identity.setting("spring.security.oauth2.authorizationserver.issuer").orElseThrow())
			.replace("${server.port}", String.valueOf(identity.port()));
		// the browser reaches the issuer at the port published on the host: one string
		// inside and outside the containers
		assertThat(provider).containsEntry("SPRING_SECURITY_OAUTH2_AUTHORIZATIONSERVER_ISSUER", issuer);
		assertThat(URI.create(issuer).getHost()).isEqualTo("localhost");
		assertThat(URI.create(issuer).getPort()).isEqualTo(identity.port());
		String inside = "http://" + ServiceModule.DEV_IDENTITY + ":" + identity.port();
		String keys = inside + "/oauth2/jwks";

		Map<String, String> entry = environment("gateway");
		assertThat(entry).containsEntry("SPRING_PROFILES_ACTIVE", "local");
		assertThat(gateway.localSetting("noddfa.gateway.dev-auth.enabled")).contains(true);
		assertThat(gateway.localSetting("noddfa.gateway.security.issuer")).contains("${noddfa.dev-identity-uri}");
		assertThat(entry).containsEntry("NODDFA_DEVIDENTITYURI", issuer)
			.containsEntry("NODDFA_GATEWAY_DEVAUTH_URI", inside)
			.containsEntry("NODDFA_GATEWAY_SECURITY_JWKSETURI", keys);
		// sign-in: the browser is sent to the issuer's address, the gateway calls the
		// container by name; no issuer-uri, which the gateway would look up at its own
		// localhost
		String signIn = entry.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_NODDFA_PROVIDER");
		assertThat(signIn).isNotBlank();
		String providerPrefix = "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_" + DeclaredProperties.environmentName(signIn)
				+ "_";
		assertThat(entry).containsEntry(providerPrefix + "AUTHORIZATIONURI", issuer + "/oauth2/authorize")
			.containsEntry(providerPrefix + "TOKENURI", inside + "/oauth2/token")
			.containsEntry(providerPrefix + "JWKSETURI", keys)
			.doesNotContainKey(providerPrefix + "ISSUERURI");
		assertThat(Yaml.string(service("gateway"), "depends_on", ServiceModule.DEV_IDENTITY, "condition"))
			.isEqualTo("service_healthy");

		for (String service : servicesWithADatabase) {
			assertThat(environment(service)).as(service)
				.containsEntry("NODDFA_SECURITY_ISSUER", issuer)
				.containsEntry("NODDFA_SECURITY_JWKSETURI", keys)
				.containsEntry("NODDFA_SECURITY_AUDIENCE",
						String.valueOf(gateway.localSetting("noddfa.gateway.security.audience").orElseThrow()));
		}
	}

	@Test
	void the_development_identity_provider_listens_beyond_loopback_only_inside_its_container() {
		Map<String, String> provider = environment(ServiceModule.DEV_IDENTITY);
		assertThat(ServiceModule.named(ServiceModule.DEV_IDENTITY).setting("server.address")).contains("127.0.0.1");
		assertThat(provider).containsEntry("SERVER_ADDRESS", "0.0.0.0")
			.containsEntry("NODDFA_DEVIDENTITY_ALLOWNONLOOPBACK", "true");
		assertThat(Yaml.list(service(ServiceModule.DEV_IDENTITY), "ports")).singleElement()
			.asString()
			.startsWith("127.0.0.1:");
	}

	@Test
	void the_registry_loads_the_demo_provisions() {
		assertThat(
				ServiceModule.named("bed-registry").declaredProperties().declares("NODDFA_REGISTRY_DEMODATA_ENABLED"))
			.isTrue();
		assertThat(environment("bed-registry")).containsEntry("NODDFA_REGISTRY_DEMODATA_ENABLED", "true");
	}

	@Test
	void infrastructure_is_the_official_images_with_health_checks_and_volumes() {
		assertThat(Yaml.string(service("kafka"), "image")).startsWith("apache/kafka:");
		assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
		assertThat(Yaml.string(service("postgres"), "image")).startsWith("postgres:");
		assertThat(Yaml.string(service("redis"), "image")).startsWith("redis:");
		for (String datastore : List.of("kafka", "postgres", "redis")) {
			assertThat(Yaml.list(service(datastore), "healthcheck", "test")).as(datastore).isNotEmpty();
			assertThat(Yaml.list(service(datastore), "volumes")).as(datastore)
				.singleElement()
				.asString()
				.startsWith(datastore + "-data:");
			assertThat(Yaml.map(compose, "volumes")).containsKey(datastore + "-data");
		}
	}

	private static Map<String, Object> service(String name) {
		Map<String, Object> service = Yaml.map(compose, "services", name);
		assertThat(service).as("service %s in docker-compose.yml", name).isNotEmpty();
		return service;
	}

	private static Map<String, String> environment(String service) {
		Map<String, String> environment = new java.util.LinkedHashMap<>();
		Yaml.map(service(service), "environment").forEach((key, value) -> environment.put(key, String.valueOf(value)));
		return environment;
	}

	private static String database(String jdbcUrl) {
		String path = URI.create(jdbcUrl.substring("jdbc:".length())).getPath();
		return path.substring(1);
	}

}
