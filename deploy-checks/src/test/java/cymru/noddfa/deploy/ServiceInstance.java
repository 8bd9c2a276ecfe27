package cymru.noddfa.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

/**
 * One running instance of a service, inside this JVM but in a class loader of its own
 * over the service's unpacked exec jar, so it sees its own application.yml, migrations
 * and libraries as it would in its container. Instances of one service share that loader.
 */
final class ServiceInstance implements AutoCloseable {

	private final String name;

	private final String service;

	private final Object context;

	private final ClassLoader loader;

	private final int port;

	private ServiceInstance(String name, String service, Object context, ClassLoader loader, int port) {
		this.name = name;
		this.service = service;
		this.context = context;
		this.loader = loader;
		this.port = port;
	}

	/**
	 * Starts an instance with these settings, given as command-line arguments so they win
	 * over anything this JVM's system properties say.
	 */
	static ServiceInstance start(String name, ClassLoader loader, ServiceModule module, Map<String, String> settings) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=0");
		settings.forEach((key, value) -> args.add("--" + key + "=" + value));
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(loader);
		try {
			disableTomcatUrlHandlers(loader);
			Class<?> application = loader.loadClass(startClass(module));
			Class<?> builderType = loader.loadClass("org.springframework.boot.builder.SpringApplicationBuilder");
			Object builder = builderType.getConstructor(Class[].class)
				.newInstance((Object) new Class<?>[] { application });
			Object context = builderType.getMethod("run", String[].class)
				.invoke(builder, (Object) args.toArray(String[]::new));
			Object environment = contextMethod(loader, "getEnvironment").invoke(context);
			Method property = loader.loadClass("org.springframework.core.env.PropertyResolver")
				.getMethod("getProperty", String.class);
			int port = Integer.parseInt((String) property.invoke(environment, "local.server.port"));
			return new ServiceInstance(name, module.name(), context, loader, port);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException(name + " did not start", ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(name + " could not be started", ex);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	String name() {
		return this.name;
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	int port() {
		return this.port;
	}

	/** The service this is an instance of (its module's name). */
	String service() {
		return this.service;
	}

	@Override
	public void close() {
		try {
			contextMethod(this.loader, "close").invoke(this.context);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(this.name + " did not stop cleanly", ex);
		}
	}

	@Override
	public String toString() {
		return this.name + " on " + url();
	}

	private static Method contextMethod(ClassLoader loader, String name) throws ReflectiveOperationException {
		return loader.loadClass("org.springframework.context.ConfigurableApplicationContext").getMethod(name);
	}

	/**
	 * Embedded Tomcat installs the JVM's one URL stream handler factory for its
	 * {@code war:} URLs, which no service uses; a second service's Tomcat, in another
	 * class loader, would fail to install it again.
	 */
	private static void disableTomcatUrlHandlers(ClassLoader loader) throws ReflectiveOperationException {
		try {
			loader.loadClass("org.apache.catalina.webresources.TomcatURLStreamHandlerFactory")
				.getMethod("disable")
				.invoke(null);
		}
		catch (ClassNotFoundException ex) {
			// not a Tomcat service
		}
	}

	/**
	 * The application class Spring Boot's launcher would start, from the jar's manifest.
	 */
	private static String startClass(ServiceModule module) {
		try (JarFile jar = new JarFile(module.execJar().toFile())) {
			return jar.getManifest().getMainAttributes().getValue("Start-Class");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
