package cymru.noddfa.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import cymru.noddfa.infra.EmbeddedInfrastructure;

/**
 * {@code java -jar local-stack.jar [--data-dir DIR] [--services-dir DIR] [--fresh]}:
 * starts everything with the demo data and waits for Ctrl-C, which stops everything.
 */
public final class LocalStack {

	/** Fixed so that data kept from one run meets the same addresses in the next. */
	static final EmbeddedInfrastructure.Ports INFRA_PORTS = new EmbeddedInfrastructure.Ports(19092, 19093, 15432,
			16379);

	private LocalStack() {
	}

	public static void main(String[] args) throws InterruptedException {
		Path dataDir = Path.of(option(args, "--data-dir", ".data")).toAbsolutePath();
		Path servicesDir = Path.of(option(args, "--services-dir", "local-stack/target/services")).toAbsolutePath();
		endLeftoversOfAnEarlierRun(dataDir);

		long started = System.nanoTime();
		System.out.println("Starting Noddfa (data in " + dataDir + ") ...");
		StackOptions options = new StackOptions(dataDir, servicesDir, INFRA_PORTS, StackOptions.ServicePorts.STANDARD,
				"local", true, List.of("-Xmx512m", "-XX:+UseSerialGC"), Map.of());
		Stack stack = Stack.start(options, Duration.ofSeconds(300));
		rememberPids(dataDir, stack.servicePids());

		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("\nStopping Noddfa ...");
			stack.close();
			forgetPids(dataDir);
			stopped.countDown();
		}, "noddfa-stop"));

		System.out.printf("""

				Noddfa is up in %d s: %s

				  web app (sign in as any demo user):   %s/
				  development sign-in (demo users):     http://localhost:%d/login
				  curl %s/actuator/health

				Every API call needs a token or a signed-in session; the README's quickstart shows how
				scripts get a token with curl (POST %s/dev-auth/token).
				Service logs: %s
				Ctrl-C stops everything. bin/run-local --fresh starts again with no data kept.
				""", (System.nanoTime() - started) / 1_000_000_000, stack.gatewayUrl(), stack.gatewayUrl(),
				stack.service(Stack.IDENTITY).port(), stack.gatewayUrl(), stack.gatewayUrl(), dataDir.resolve("logs"));
		stopped.await();
	}

	private static String option(String[] args, String name, String fallback) {
		for (int i = 0; i < args.length - 1; i++) {
			if (args[i].equals(name)) {
				return args[i + 1];
			}
		}
		return fallback;
	}

	/**
	 * A launcher killed without its shutdown hook leaves services behind: end them now.
	 */
	private static void endLeftoversOfAnEarlierRun(Path dataDir) {
		Path pids = dataDir.resolve("service.pids");
		if (!Files.exists(pids)) {
			return;
		}
		try {
			for (String line : Files.readAllLines(pids)) {
				ProcessHandle.of(Long.parseLong(line.trim()))
					.filter((process) -> process.info().commandLine().orElse("").contains("-jar"))
					.ifPresent((process) -> {
						System.out.println("Ending service left from an earlier run (pid " + process.pid() + ")");
						process.destroyForcibly();
					});
			}
			Files.delete(pids);
		}
		catch (IOException | NumberFormatException ex) {
			System.err.println("Could not read " + pids + ": " + ex.getMessage());
		}
	}

	private static void rememberPids(Path dataDir, List<Long> pids) {
		try {
			Files.writeString(dataDir.resolve("service.pids"),
					pids.stream().map(String::valueOf).collect(Collectors.joining("\n")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void forgetPids(Path dataDir) {
		try {
			Files.deleteIfExists(dataDir.resolve("service.pids"));
		}
		catch (IOException ex) {
			// nothing depends on it once the services are gone
		}
	}

}
