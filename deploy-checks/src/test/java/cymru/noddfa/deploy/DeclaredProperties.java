package cymru.noddfa.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every setting a service would read, in Spring's environment-variable form
 * ({@code noddfa.security.jwk-set-uri} is {@code NODDFA_SECURITY_JWKSETURI}): the names
 * in its application*.yml and the placeholders they use, the components of its
 * {@code @ConfigurationProperties} records (its own, the service kit's and the outbox's),
 * and Spring Boot's own properties from the configuration metadata of the libraries the
 * service ships.
 */
final class DeclaredProperties {

	private static final String CONFIGURATION_PROPERTIES = "org.springframework.boot.context.properties.ConfigurationProperties";

	private final Set<String> names = new TreeSet<>();

	/** Map-valued properties: anything below them is a key of the map. */
	private final Set<String> maps = new TreeSet<>();

	private DeclaredProperties() {
	}

	static DeclaredProperties of(ServiceModule module, ExtractedService service) {
		DeclaredProperties declared = new DeclaredProperties();
		module.configurationNames().forEach((name) -> declared.names.add(environmentName(name)));
		try (URLClassLoader loader = service.newClassLoader()) {
			declared.addConfigurationRecords(loader, service);
			declared.addBootMetadata(loader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return declared;
	}

	/**
	 * Spring's relaxed name for the environment: upper case, {@code .} as {@code _},
	 * dashes dropped.
	 */
	static String environmentName(String property) {
		return property.replace("-", "").replace('.', '_').replace("[", "_").replace("]", "").toUpperCase(Locale.ROOT);
	}

	boolean declares(String environmentVariable) {
		return this.names.contains(environmentVariable)
				|| this.maps.stream().anyMatch((map) -> environmentVariable.startsWith(map + "_"));
	}

	Set<String> names() {
		return Collections.unmodifiableSet(this.names);
	}

	private void addConfigurationRecords(URLClassLoader loader, ExtractedService service) throws IOException {
		for (Path jar : service.classPath()) {
			String file = jar.getFileName().toString();
			boolean ours = jar.equals(service.applicationJar()) || file.startsWith("service-kit-")
					|| file.startsWith("outbox-");
			if (!ours) {
				continue;
			}
			try (JarFile classes = new JarFile(jar.toFile())) {
				Enumeration<JarEntry> entries = classes.entries();
				while (entries.hasMoreElements()) {
					String entry = entries.nextElement().getName();
					if (entry.startsWith("cymru/noddfa/") && entry.endsWith(".class")) {
						addIfConfiguration(loader, entry.substring(0, entry.length() - 6).replace('/', '.'));
					}
				}
			}
		}
	}

	private void addIfConfiguration(ClassLoader loader, String className) {
		Class<?> type;
		Annotation[] annotations;
		try {
			type = Class.forName(className, false, loader);
			annotations = type.getAnnotations();
		}
		catch (ClassNotFoundException | LinkageError ex) {
			// a class that needs an optional library the service does not ship is no
			// settings record
			return;
		}
		for (Annotation annotation : annotations) {
			if (annotation.annotationType().getName().equals(CONFIGURATION_PROPERTIES)) {
				String prefix = prefix(annotation);
				addType(prefix, type, 0);
			}
		}
	}

	private static String prefix(Annotation annotation) {
		try {
			String prefix = (String) annotation.annotationType().getMethod("prefix").invoke(annotation);
			return prefix.isEmpty() ? (String) annotation.annotationType().getMethod("value").invoke(annotation)
					: prefix;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void addType(String prefix, Class<?> type, int depth) {
		if (depth > 6) {
			return;
		}
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				addProperty(prefix + "." + component.getName(), component.getType(), depth);
			}
		}
		else {
			for (Field field : type.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers())) {
					addProperty(prefix + "." + field.getName(), field.getType(), depth);
				}
			}
		}
	}

	private void addProperty(String name, Class<?> type, int depth) {
		String environmentName = environmentName(name);
		if (Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
			this.names.add(environmentName);
			this.maps.add(environmentName);
		}
		else if (type.getName().startsWith("cymru.noddfa.") && !type.isEnum()) {
			addType(name, type, depth + 1);
		}
		else {
			this.names.add(environmentName);
		}
	}

	private void addBootMetadata(URLClassLoader loader) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Enumeration<URL> files = loader.getResources("META-INF/spring-configuration-metadata.json");
		while (files.hasMoreElements()) {
			try (InputStream in = files.nextElement().openStream()) {
				JsonNode metadata = json.readTree(in);
				for (JsonNode property : metadata.path("properties")) {
					String environmentName = environmentName(property.path("name").asString());
					String type = property.path("type").asString("");
					this.names.add(environmentName);
					if (type.startsWith("java.util.Map") || type.startsWith("java.util.List")) {
						this.maps.add(environmentName);
					}
				}
			}
		}
	}

}
