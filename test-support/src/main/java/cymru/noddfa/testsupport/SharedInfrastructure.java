package cymru.noddfa.testsupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One set of servers per test JVM, started on first use and stopped when the JVM exits.
 * Tests share it and keep apart by their own ids, so no test pays for a server start
 * twice.
 * <p>
 * {@code -Dnoddfa.test.infrastructure=embedded|containers} forces a choice; by default
 * the official images run where a Docker engine answers, and the embedded servers
 * elsewhere.
 */
public final class SharedInfrastructure {

	private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);

	private static TestInfrastructure instance;

	private SharedInfrastructure() {
	}

	public static synchronized TestInfrastructure get() {
		if (instance == null) {
			instance = startPreferred();
			TestInfrastructure started = instance;
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-infrastructure-stop"));
		}
		return instance;
	}

	private static TestInfrastructure startPreferred() {
		String choice = System.getProperty("noddfa.test.infrastructure", "auto");
		boolean containers = switch (choice) {
			case "containers" -> true;
			case "embedded" -> false;
			default -> ContainerTestInfrastructure.dockerAvailable();
		};
		long started = System.nanoTime();
		TestInfrastructure infra = containers ? ContainerTestInfrastructure.start()
				: EmbeddedTestInfrastructure.start();
		log.info("Test infrastructure ({}) up in {} ms: kafka={} redis={}:{}",
				containers ? "Testcontainers" : "embedded", (System.nanoTime() - started) / 1_000_000,
				infra.kafkaBootstrapServers(), infra.redisHost(), infra.redisPort());
		return infra;
	}

}
