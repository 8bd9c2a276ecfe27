package cymru.noddfa.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;

/**
 * One of the five services, or the development identity provider, as its own Maven module
 * describes it: the configuration in {@code src/main/resources/application*.yml} (the
 * provider's in {@code dev-identity.yml}), the build arguments of the one Dockerfile, the
 * layered exec jar in {@code target/}. The checks compare every deployment file with
 * this, never with a copy.
 */
final class ServiceModule {

	/** The build's version, which names the exec jars and tags the images. */
	static final String VERSION = System.getProperty("noddfa.version", "0.1.0-SNAPSHOT");

	static final List<String> NAMES = List.of("bed-registry", "placement-matcher", "notifications", "panels",
			"gateway");

	/**
	 * The development identity provider: built from the same Dockerfile and run beside
	 * the services in Compose and the dev overlay, never in production.
	 */
	static final String DEV_IDENTITY = "dev-identity";

	/** Everything the one Dockerfile builds. */
	static final List<String> IMAGES = List.of("bed-registry", "placement-matcher", "notifications", "panels",
			"gateway", DEV_IDENTITY);

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z0-9._-]+)(:[^}]*)?}");

	private static final Map<String, ServiceModule> modules = new ConcurrentHashMap<>();

	private final String name;

	private final Map<String, Object> configuration;

	private final Map<String, Object> localConfiguration;

	private volatile DeclaredProperties declared;

	private ServiceModule(String name) {
		this.name = name;
		// the provider has a configuration name of its own, so it can start beside the
		// gateway in one JVM
		String config = name.equals(DEV_IDENTITY) ? DEV_IDENTITY : "application";
		this.configuration = flatten(load(dir().resolve("src/main/resources/" + config + ".yml")));
		this.localConfiguration = flatten(load(dir().resolve("src/main/resources/application-local.yml")));
	}

	static ServiceModule named(String name) {
		if (!IMAGES.contains(name)) {
			throw new IllegalArgumentException("No service module called " + name + "; they are " + IMAGES);
		}
		return modules.computeIfAbsent(name, ServiceModule::new);
	}

	/** The five services, without the development identity provider. */
	static List<ServiceModule> all() {
		return NAMES.stream().map(ServiceModule::named).toList();
	}

	/** The repository's top directory (tests run in {@code deploy-checks/}). */
	static Path root() {
		return ROOT;
	}

	String name() {
		return this.name;
	}

	Path dir() {
		return ROOT.resolve(this.name);
	}

	/** The one image definition of every service, at the repository's top. */
	static Path dockerfile() {
		return ROOT.resolve("Dockerfile");
	}

	/**
	 * The image definition as this service's image is built and run: with its build
	 * arguments ({@code MODULE}, {@code PORT}, {@code VERSION}) and the port they set for
	 * the health check ({@code SERVICE_PORT}) filled in.
	 */
	String imageDefinition() {
		try {
			return Files.readString(dockerfile())
				.replace("${MODULE}", this.name)
				.replace("${PORT}", String.valueOf(port()))
				.replace("${VERSION}", VERSION)
				.replace("${SERVICE_PORT}", String.valueOf(port()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path execJar() {
		return dir().resolve("target").resolve(this.name + "-" + VERSION + "-exec.jar");
	}

	/** {@code server.port} as the service's own application.yml sets it. */
	int port() {
		return Integer.parseInt(String.valueOf(setting("server.port")
			.orElseThrow(() -> new IllegalStateException(this.name + " sets no server.port"))));
	}

	/**
	 * A setting of application.yml, overridden by application-local.yml where that sets
	 * it.
	 */
	Optional<Object> localSetting(String key) {
		return Optional.ofNullable(this.localConfiguration.get(key)).or(() -> setting(key));
	}

	Optional<Object> setting(String key) {
		return Optional.ofNullable(this.configuration.get(key));
	}

	/**
	 * The {@code /actuator/health/...} paths the service answers: liveness and readiness
	 * when probes are enabled, and every group it declares.
	 */
	Set<String> healthPaths() {
		Set<String> paths = new LinkedHashSet<>();
		if ("true".equals(String.valueOf(setting("management.endpoint.health.probes.enabled").orElse(null)))) {
			paths.add("/actuator/health/liveness");
			paths.add("/actuator/health/readiness");
		}
		String groups = "management.endpoint.health.group.";
		this.configuration.keySet()
			.stream()
			.filter((key) -> key.startsWith(groups))
			.map((key) -> key.substring(groups.length()).split("\\.")[0])
			.forEach((group) -> paths.add("/actuator/health/" + group));
		return paths;
	}

	/**
	 * Every setting name of both files, and every {@code ${name:default}} they refer to.
	 */
	Set<String> configurationNames() {
		Set<String> names = new LinkedHashSet<>(this.configuration.keySet());
		names.addAll(this.localConfiguration.keySet());
		for (Map<String, Object> config : List.of(this.configuration, this.localConfiguration)) {
			for (Object value : config.values()) {
				Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
				while (placeholder.find()) {
					names.add(placeholder.group(1));
				}
			}
		}
		return names;
	}

	/**
	 * What the service would read: its files, its configuration records, Spring Boot's
	 * own.
	 */
	DeclaredProperties declaredProperties() {
		if (this.declared == null) {
			this.declared = DeclaredProperties.of(this, ExtractedService.of(this));
		}
		return this.declared;
	}

	@Override
	public String toString() {
		return this.name;
	}

	private static Map<String, Object> load(Path file) {
		if (!Files.exists(file)) {
			return Map.of();
		}
		try (InputStream in = Files.newInputStream(file)) {
			Map<String, Object> merged = new LinkedHashMap<>();
			// a file may hold several documents; the later ones add to the earlier
			for (Object document : new Yaml().loadAll(in)) {
				if (document instanceof Map<?, ?> map) {
					merge(merged, map);
				}
			}
			return merged;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static void merge(Map<String, Object> into, Map<?, ?> from) {
		from.forEach((key, value) -> {
			Object existing = into.get(String.valueOf(key));
			if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
				merge((Map<String, Object>) existingMap, valueMap);
			}
			else {
				into.put(String.valueOf(key), (value instanceof Map<?, ?> map) ? copy(map) : value);
			}
		});
	}

	private static Map<String, Object> copy(Map<?, ?> map) {
		Map<String, Object> copy = new LinkedHashMap<>();
		merge(copy, map);
		return copy;
	}

	/** {@code a: {b: 1}} becomes {@code a.b=1}; list items become {@code a[0]}. */
	static Map<String, Object> flatten(Map<String, Object> tree) {
		Map<String, Object> flat = new LinkedHashMap<>();
		flatten("", tree, flat);
		return flat;
	}

	private static void flatten(String prefix, Object node, Map<String, Object> flat) {
		if (node instanceof Map<?, ?> map) {
			map.forEach(
					(key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), flat);
			}
		}
		else {
			flat.put(prefix, node);
		}
	}

}
