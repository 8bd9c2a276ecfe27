package cymru.noddfa.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The health check commands the image and docker-compose.yml give a service, as the
 * container runtime would run them, so a test can run them against a live instance.
 */
final class HealthChecks {

	private HealthChecks() {
	}

	/** The Dockerfile's {@code HEALTHCHECK ... CMD [...]}, exec form. */
	static List<String> ofImage(ServiceModule module) {
		String dockerfile = module.imageDefinition().replaceAll("\\\\\\n\\s*", " ");
		String line = dockerfile.lines()
			.filter((candidate) -> candidate.startsWith("HEALTHCHECK "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The Dockerfile has no HEALTHCHECK"));
		List<String> command = new ArrayList<>();
		for (JsonNode part : Http.parse(line.substring(line.indexOf("CMD ") + 4))) {
			command.add(part.asString());
		}
		return command;
	}

	/**
	 * docker-compose.yml's {@code healthcheck.test} of a service, without its
	 * {@code CMD}.
	 */
	static List<String> ofCompose(String service) {
		Map<String, Object> compose = Yaml.file(ServiceModule.root().resolve("docker-compose.yml"));
		List<String> test = Yaml.list(compose, "services", service, "healthcheck", "test")
			.stream()
			.map(String::valueOf)
			.toList();
		if (test.isEmpty() || !test.getFirst().equals("CMD")) {
			throw new AssertionError(service + "'s health check in docker-compose.yml is not an exec-form CMD");
		}
		return test.subList(1, test.size());
	}

	/** The same command, asking the service on another port (a test instance's). */
	static List<String> onPort(List<String> command, int configured, int actual) {
		return command.stream().map((part) -> part.replace("127.0.0.1/" + configured, "127.0.0.1/" + actual)).toList();
	}

}
