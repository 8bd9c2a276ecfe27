package cymru.noddfa.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Noddfa service running as its own JVM from its executable jar, as it runs in
 * production, writing its log to a file. It can be stopped and started again on the same
 * port.
 */
public final class ServiceProcess {

	private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String name;

	private final Path jar;

	private final int port;

	private final String readinessPath;

	private final List<String> jvmArgs;

	private final List<String> args;

	private final Path logFile;

	private Process process;

	ServiceProcess(String name, Path jar, int port, String readinessPath, List<String> jvmArgs, List<String> args,
			Path logFile) {
		this.name = name;
		this.jar = jar;
		this.port = port;
		this.readinessPath = readinessPath;
		this.jvmArgs = List.copyOf(jvmArgs);
		this.args = List.copyOf(args);
		this.logFile = logFile;
	}

	/**
	 * Another instance of this service from the same jar with the same settings, on its
	 * own port and log, with further arguments: a second matcher with a switch set, say.
	 * An argument naming a setting this one already has replaces it.
	 */
	ServiceProcess another(String otherName, int otherPort, List<String> extraArgs) {
		List<String> merged = new ArrayList<>();
		for (String arg : this.args) {
			String key = arg.contains("=") ? arg.substring(0, arg.indexOf('=') + 1) : arg;
			if (extraArgs.stream().noneMatch((extra) -> extra.startsWith(key))) {
				merged.add(arg);
			}
		}
		merged.addAll(extraArgs);
		return new ServiceProcess(otherName, this.jar, otherPort, this.readinessPath, this.jvmArgs, merged,
				this.logFile.resolveSibling(otherName + ".log"));
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public Path logFile() {
		return this.logFile;
	}

	public synchronized long pid() {
		return (this.process != null) ? this.process.pid() : -1;
	}

	public synchronized boolean isAlive() {
		return this.process != null && this.process.isAlive();
	}

	public synchronized ServiceProcess start() {
		if (isAlive()) {
			return this;
		}
		if (!Files.isRegularFile(this.jar)) {
			throw new IllegalStateException("No executable jar for " + this.name + " at " + this.jar
					+ ": build it first (./mvnw -DskipTests package)");
		}
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(this.jvmArgs);
		command.add("-jar");
		command.add(this.jar.toString());
		command.add("--server.port=" + this.port);
		command.addAll(this.args);
		try {
			Files.createDirectories(this.logFile.getParent());
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.logFile.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.name, ex);
		}
		log.info("Started {} (pid {}) on port {}; log in {}", this.name, this.process.pid(), this.port, this.logFile);
		return this;
	}

	/**
	 * Waits until the service says it is ready for traffic, or fails with its log's tail.
	 */
	public void awaitReady(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + this.readinessPath))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (System.nanoTime() < deadline) {
			if (!isAlive()) {
				throw new IllegalStateException(this.name + " exited during start-up:\n" + tail());
			}
			try {
				if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
			}
			pause();
		}
		throw new IllegalStateException(this.name + " was not ready within " + timeout + ":\n" + tail());
	}

	/**
	 * Asks the service to shut down gracefully, and ends it if it has not within 20 s.
	 */
	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		Process running = this.process;
		this.process = null;
		running.destroy();
		try {
			if (!running.waitFor(20, TimeUnit.SECONDS)) {
				log.warn("{} did not stop within 20 s; ending it", this.name);
				running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			running.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

	private String tail() {
		try {
			List<String> lines = Files.readAllLines(this.logFile);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
		}
		catch (IOException ex) {
			return "(no log at " + this.logFile + ")";
		}
	}

	private static void pause() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
