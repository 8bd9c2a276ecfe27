package cymru.noddfa.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import cymru.noddfa.infra.EmbeddedInfrastructure;
import cymru.noddfa.infra.FreePort;

/**
 * The whole stack launched in a JVM of its own, so that whatever measures it (the
 * benchmark's load generator) shares no process with the Kafka broker, which runs inside
 * the launcher's JVM.
 * <p>
 * In the child, {@link #main} starts the stack on free ports with no demo data, writes
 * what it started (addresses and process ids) to a properties file, and stops everything
 * when its standard input closes, so a parent that dies takes the stack with it. In the
 * parent, {@link #launch} starts that JVM, waits for the file and reads it.
 *
 * <pre>
 * java -Dloader.main=cymru.noddfa.stack.StackProcess -cp local-stack-exec.jar \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --data-dir DIR --services-dir DIR --describe-to FILE \
 *   [--jvm-arg ARG]... [--arg SERVICE=ARG]... [--another NAME=SERVICE]...
 * </pre>
 */
public final class StackProcess implements AutoCloseable {

	private final Process process;

	private final Properties started;

	private final Path log;

	private StackProcess(Process process, Properties started, Path log) {
		this.process = process;
		this.started = started;
		this.log = log;
	}

	/**
	 * Starts the stack in a new JVM and waits until it has written what it started.
	 * @param launcherJar an executable jar holding this class (the local stack's own)
	 * @param launcherJvmArgs JVM options of the launcher, which hosts the Kafka broker
	 * @param args the child's arguments, as {@link #main} takes them, without
	 * {@code --describe-to}
	 * @param log where the launcher's own output goes
	 */
	public static StackProcess launch(Path launcherJar, List<String> launcherJvmArgs, List<String> args, Path log,
			Duration readyWithin) {
		Path describeTo = log.resolveSibling("stack-" + ProcessHandle.current().pid() + ".properties");
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(launcherJvmArgs);
		command.addAll(List.of("-Dloader.main=" + StackProcess.class.getName(), "-cp", launcherJar.toString(),
				"org.springframework.boot.loader.launch.PropertiesLauncher"));
		command.addAll(args);
		command.addAll(List.of("--describe-to", describeTo.toString()));
		Process process;
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			Files.deleteIfExists(describeTo);
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the stack's launcher", ex);
		}
		long deadline = System.nanoTime() + readyWithin.toNanos();
		while (!Files.exists(describeTo)) {
			if (!process.isAlive() || System.nanoTime() > deadline) {
				process.destroyForcibly();
				throw new IllegalStateException("The stack did not start (exit " + exitOf(process)
						+ "); the launcher's log " + log + " ends:\n" + tail(log));
			}
			pause(250);
		}
		Properties started = new Properties();
		try (var in = Files.newInputStream(describeTo)) {
			started.load(in);
		}
		catch (IOException ex) {
			process.destroyForcibly();
			throw new UncheckedIOException(ex);
		}
		return new StackProcess(process, started, log);
	}

	/** The launcher's JVM, which also runs the Kafka broker. */
	public long launcherPid() {
		return this.process.pid();
	}

	/** The PostgreSQL postmaster; its backends are its children. */
	public long postgresPid() {
		return Long.parseLong(this.started.getProperty("postgres.pid", "-1"));
	}

	public long redisPid() {
		return Long.parseLong(this.started.getProperty("redis.pid", "-1"));
	}

	public String kafkaBootstrapServers() {
		return this.started.getProperty("kafka.bootstrap-servers");
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.started.getProperty("postgres.port") + "/" + database;
	}

	/** The services started, by name, in the order started. */
	public List<String> services() {
		return List.of(this.started.getProperty("services").split(","));
	}

	public String url(String service) {
		return required("service." + service + ".url");
	}

	public long pid(String service) {
		return Long.parseLong(required("service." + service + ".pid"));
	}

	private String required(String key) {
		String value = this.started.getProperty(key);
		if (value == null) {
			throw new IllegalArgumentException("The stack has no " + key + " (log: " + this.log + ")");
		}
		return value;
	}

	/** Closes the launcher's standard input, which stops the stack, and waits for it. */
	@Override
	public void close() {
		try {
			this.process.getOutputStream().close();
			if (!this.process.waitFor(120, TimeUnit.SECONDS)) {
				this.process.destroy();
				this.process.waitFor(30, TimeUnit.SECONDS);
			}
		}
		catch (IOException ex) {
			this.process.destroy();
		}
		catch (InterruptedException ex) {
			this.process.destroy();
			Thread.currentThread().interrupt();
		}
	}

	public static void main(String[] args) throws IOException {
		Path dataDir = null;
		Path servicesDir = Path.of("local-stack/target/services");
		Path describeTo = null;
		List<String> jvmArgs = new ArrayList<>();
		Map<String, List<String>> serviceArgs = new LinkedHashMap<>();
		Map<String, String> others = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String value = (i + 1 < args.length) ? args[i + 1] : "";
			switch (args[i]) {
				case "--data-dir" -> dataDir = Path.of(value).toAbsolutePath();
				case "--services-dir" -> servicesDir = Path.of(value).toAbsolutePath();
				case "--describe-to" -> describeTo = Path.of(value).toAbsolutePath();
				case "--jvm-arg" -> jvmArgs.add(value);
				case "--arg" ->
					serviceArgs.computeIfAbsent(before(value), (name) -> new ArrayList<>()).add(after(value));
				case "--another" -> others.put(before(value), after(value));
				default -> throw new IllegalArgumentException("Unknown option " + args[i]);
			}
			i++;
		}
		if (dataDir == null || describeTo == null) {
			throw new IllegalArgumentException("--data-dir and --describe-to are needed");
		}
		StackOptions options = new StackOptions(
				dataDir, servicesDir, EmbeddedInfrastructure.Ports.any(), new StackOptions.ServicePorts(FreePort.pick(),
						FreePort.pick(), FreePort.pick(), FreePort.pick(), FreePort.pick(), 0),
				"local", false, jvmArgs, serviceArgs);
		Stack stack = Stack.start(options, Duration.ofSeconds(300));
		AtomicBoolean stopped = new AtomicBoolean();
		Runnable stop = () -> {
			if (stopped.compareAndSet(false, true)) {
				stack.close();
			}
		};
		Runtime.getRuntime().addShutdownHook(new Thread(stop, "noddfa-stack-stop"));
		List<String> names = new ArrayList<>(List.of(Stack.GATEWAY, Stack.REGISTRY, Stack.MATCHER, Stack.NOTIFICATIONS,
				Stack.PANELS, Stack.IDENTITY));
		others.forEach((name, of) -> {
			stack.startAnother(name, of, serviceArgs.getOrDefault(name, List.of()), Duration.ofSeconds(300));
			names.add(name);
		});
		describe(stack, dataDir, names, describeTo);
		System.out.println("Noddfa is up; it stops when this process's standard input closes");
		while (System.in.read() >= 0) {
			// the parent writes nothing; end of input is the signal to stop
		}
		stop.run();
	}

	private static void describe(Stack stack, Path dataDir, List<String> names, Path describeTo) throws IOException {
		Properties started = new Properties();
		EmbeddedInfrastructure infra = stack.infrastructure();
		started.setProperty("kafka.bootstrap-servers", infra.kafka().bootstrapServers());
		started.setProperty("postgres.port", Integer.toString(infra.postgres().port()));
		started.setProperty("redis.port", Integer.toString(infra.redis().port()));
		// PostgreSQL is started through pg_ctl and is no child of this JVM: its own file
		// names the postmaster
		Path postmaster = dataDir.resolve("postgres").resolve("postmaster.pid");
		if (Files.exists(postmaster)) {
			started.setProperty("postgres.pid", Files.readAllLines(postmaster).get(0).trim());
		}
		ProcessHandle.current()
			.children()
			.filter((child) -> child.info().command().orElse("").contains("redis"))
			.findFirst()
			.ifPresent((redis) -> started.setProperty("redis.pid", Long.toString(redis.pid())));
		started.setProperty("services", String.join(",", names));
		for (String name : names) {
			ServiceProcess service = stack.service(name);
			started.setProperty("service." + name + ".url", service.url());
			started.setProperty("service." + name + ".pid", Long.toString(service.pid()));
		}
		Path partial = describeTo.resolveSibling(describeTo.getFileName() + ".partial");
		try (OutputStream out = Files.newOutputStream(partial)) {
			started.store(out, "Noddfa stack started by " + ProcessHandle.current().pid());
		}
		Files.move(partial, describeTo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static String before(String pair) {
		return pair.substring(0, pair.indexOf('='));
	}

	private static String after(String pair) {
		return pair.substring(pair.indexOf('=') + 1);
	}

	private static String exitOf(Process process) {
		return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
	}

	private static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
