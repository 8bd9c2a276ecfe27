package cymru.noddfa.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance 3: the one Dockerfile, built with each service's arguments, builds on Spring
 * Boot's layered jar, runs as a non-root user, exposes the port the service listens on,
 * checks a health path the service has, and carries no secrets. The images themselves
 * need a registry for the base image; {@code docker compose build} makes them where one
 * is reachable.
 */
class ImageDefinitionTest {

	static final List<String> services = ServiceModule.IMAGES;

	private static final Map<String, List<String>> layers = new ConcurrentHashMap<>();

	private static final Pattern COPY_LAYER = Pattern.compile("^COPY --from=layers /build/extracted/([a-z-]+)/ \\./$",
			Pattern.MULTILINE);

	private static final Pattern SECRET_NAME = Pattern
		.compile("(PASSWORD|SECRET|TOKEN|CREDENTIAL|APIKEY|API_KEY|LINKKEY)", Pattern.CASE_INSENSITIVE);

	@ParameterizedTest
	@FieldSource("services")
	void the_exec_jar_has_spring_boots_four_layers(String service) {
		ServiceModule module = ServiceModule.named(service);
		assertThat(layers(module)).containsExactly("dependencies", "spring-boot-loader", "snapshot-dependencies",
				"application");
	}

	@ParameterizedTest
	@FieldSource("services")
	void the_image_copies_exactly_the_jars_layers_least_changing_first(String service) throws IOException {
		ServiceModule module = ServiceModule.named(service);
		String dockerfile = dockerfile(module);
		List<String> copied = new ArrayList<>();
		Matcher copy = COPY_LAYER.matcher(dockerfile);
		while (copy.find()) {
			copied.add(copy.group(1));
		}
		assertThat(copied).isEqualTo(layers(module));
		assertThat(dockerfile)
			.contains("COPY " + module.name() + "/target/" + module.execJar().getFileName() + " app.jar")
			.contains("java -Djarmode=tools -jar app.jar extract --layers --launcher")
			.contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
		assertThat(instructions(dockerfile, "FROM")).allMatch((from) -> from.startsWith("eclipse-temurin:21-jre"));
	}

	@ParameterizedTest
	@FieldSource("services")
	void the_image_runs_as_a_numeric_non_root_user(String service) throws IOException {
		List<String> users = instructions(dockerfile(ServiceModule.named(service)), "USER");
		assertThat(users).as("USER instructions").isNotEmpty();
		String last = users.getLast();
		assertThat(last).matches("[0-9]+(:[0-9]+)?");
		assertThat(Integer.parseInt(last.split(":")[0])).isPositive();
	}

	@ParameterizedTest
	@FieldSource("services")
	void the_image_exposes_the_port_the_service_listens_on(String service) throws IOException {
		ServiceModule module = ServiceModule.named(service);
		assertThat(instructions(dockerfile(module), "EXPOSE")).containsExactly(String.valueOf(module.port()));
	}

	@ParameterizedTest
	@FieldSource("services")
	void the_image_health_check_asks_a_health_group_the_service_has(String service) throws IOException {
		ServiceModule module = ServiceModule.named(service);
		assertThat(instructions(dockerfile(module), "HEALTHCHECK")).singleElement()
			.asString()
			.contains("--start-period=");
		List<String> check = HealthChecks.ofImage(module);
		assertThat(check.getFirst()).isEqualTo("bash");
		assertThat(String.join(" ", check)).contains("GET /actuator/health/liveness ")
			.contains("127.0.0.1/" + module.port());
		assertThat(module.healthPaths()).contains("/actuator/health/liveness");
	}

	@ParameterizedTest
	@FieldSource("services")
	void the_image_sizes_the_heap_from_the_container_and_holds_no_secrets(String service) throws IOException {
		String dockerfile = dockerfile(ServiceModule.named(service));
		List<String> env = instructions(dockerfile, "ENV");
		assertThat(env).anyMatch((line) -> line.startsWith("JAVA_TOOL_OPTIONS=")
				&& line.contains("-XX:MaxRAMPercentage=") && line.contains("-XX:+ExitOnOutOfMemoryError"));
		List<String> settings = new ArrayList<>(env);
		settings.addAll(instructions(dockerfile, "ARG"));
		settings.addAll(instructions(dockerfile, "LABEL"));
		assertThat(settings).noneMatch((line) -> SECRET_NAME.matcher(line.split("=")[0]).find());
		assertThat(dockerfile.toLowerCase(Locale.ROOT)).doesNotContain("password").doesNotContain("secret");
	}

	/** The layers of the exec jar, as Spring Boot's own tools list them. */
	private static List<String> layers(ServiceModule module) {
		return layers.computeIfAbsent(module.name(),
				(name) -> Tools
					.run(module.dir(),
							List.of(Tools.java(), "-Djarmode=tools", "-jar", module.execJar().toString(),
									"list-layers"))
					.lines()
					.map(String::strip)
					.filter((line) -> !line.isEmpty())
					.toList());
	}

	private static String dockerfile(ServiceModule module) throws IOException {
		assertThat(ServiceModule.dockerfile()).as("the Dockerfile").isRegularFile();
		return module.imageDefinition();
	}

	/** The arguments of every instruction of one kind, continuation lines joined. */
	private static List<String> instructions(String dockerfile, String instruction) {
		String joined = dockerfile.replaceAll("\\\\\\n\\s*", " ");
		return Arrays.stream(joined.split("\\n"))
			.map(String::strip)
			.filter((line) -> line.toUpperCase(Locale.ROOT).startsWith(instruction + " "))
			.map((line) -> line.substring(instruction.length() + 1).strip())
			.toList();
	}

}
