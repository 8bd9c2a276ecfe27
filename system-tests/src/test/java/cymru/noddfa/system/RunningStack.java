package cymru.noddfa.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import cymru.noddfa.infra.EmbeddedInfrastructure;
import cymru.noddfa.infra.FreePort;
import cymru.noddfa.stack.Stack;
import cymru.noddfa.stack.StackOptions;

/**
 * The whole stack, started once for every system test in this JVM, on free ports so that
 * it never collides with a local stack someone is running, and stopped when the JVM
 * exits. Its text messages and emails go to a stand-in for GOV.UK Notify in this JVM
 * ({@link #messages()}).
 */
final class RunningStack {

	private static Stack stack;

	private static NotifySink notify;

	private RunningStack() {
	}

	static synchronized Stack get() {
		if (stack == null) {
			try {
				Path dataDir = Files.createTempDirectory("noddfa-system-test");
				// text messages and emails go to a stand-in for GOV.UK Notify in this JVM
				notify = new NotifySink();
				Path servicesDir = Path.of(System.getProperty("noddfa.services-dir", "../local-stack/target/services"));
				StackOptions options = new StackOptions(dataDir, servicesDir, EmbeddedInfrastructure.Ports.any(),
						new StackOptions.ServicePorts(FreePort.pick(), FreePort.pick(), FreePort.pick(),
								FreePort.pick(), FreePort.pick(), 0),
						"local", false,
						// small, quick-starting JVMs: six of them share two cores with
						// the test
						List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"),
						// the journeys poll far faster than a person clicks
						Map.of(Stack.NOTIFICATIONS, notify.settings(), Stack.GATEWAY,
								List.of("--noddfa.gateway.rate-limit.anonymous.per-second=2000",
										"--noddfa.gateway.rate-limit.anonymous.burst=4000",
										"--noddfa.gateway.rate-limit.user.per-second=2000",
										"--noddfa.gateway.rate-limit.user.burst=4000",
										"--noddfa.gateway.rate-limit.client-ip.per-second=4000",
										"--noddfa.gateway.rate-limit.client-ip.burst=8000")));
				stack = Stack.start(options, Duration.ofSeconds(180));
				Stack started = stack;
				NotifySink sink = notify;
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					started.close();
					sink.close();
				}, "system-test-stack-stop"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return stack;
	}

	/**
	 * Where the stack's text messages and emails arrive: what people's phones and inboxes
	 * would show.
	 */
	static synchronized NotifySink messages() {
		get();
		return notify;
	}

}
