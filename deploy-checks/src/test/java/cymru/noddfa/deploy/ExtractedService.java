package cymru.noddfa.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A service's layered exec jar unpacked by Spring Boot's own tools into
 * {@code target/services/<name>/} (the application jar and {@code lib/}), so that the
 * service can be read, and run, in a class loader of its own: the four services share no
 * class path, exactly as in their containers.
 */
final class ExtractedService {

	private static final Map<String, ExtractedService> extracted = new ConcurrentHashMap<>();

	private final ServiceModule module;

	private final Path dir;

	private ExtractedService(ServiceModule module) {
		this.module = module;
		this.dir = Path.of("target", "services", module.name()).toAbsolutePath();
		extract();
	}

	static ExtractedService of(ServiceModule module) {
		return extracted.computeIfAbsent(module.name(), (name) -> new ExtractedService(module));
	}

	/** The application's own classes. */
	Path applicationJar() {
		return this.dir.resolve(this.module.execJar().getFileName());
	}

	/** The application jar, then every library it ships. */
	List<Path> classPath() {
		List<Path> paths = new ArrayList<>();
		paths.add(applicationJar());
		try (Stream<Path> libs = Files.list(this.dir.resolve("lib"))) {
			libs.filter((path) -> path.toString().endsWith(".jar")).sorted().forEach(paths::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return paths;
	}

	/**
	 * A new loader over {@link #classPath()} that sees nothing of this test's classes.
	 */
	URLClassLoader newClassLoader() {
		URL[] urls = classPath().stream().map(ExtractedService::url).toArray(URL[]::new);
		return new URLClassLoader("noddfa-" + this.module.name(), urls, ClassLoader.getPlatformClassLoader());
	}

	private void extract() {
		Path jar = this.module.execJar();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -DskipTests package "
					+ "-pl " + this.module.name() + ")");
		}
		try {
			if (Files.exists(applicationJar()) && !Files.getLastModifiedTime(applicationJar())
				.toInstant()
				.isBefore(Files.getLastModifiedTime(jar).toInstant())) {
				return;
			}
			// a fresh directory, so no library the service no longer ships stays on its
			// class path
			deleteRecursively(this.dir);
			Files.createDirectories(this.dir);
			Tools.run(this.dir, List.of(Tools.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force",
					"--destination", this.dir.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	private static URL url(Path path) {
		try {
			return path.toUri().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
