package cymru.noddfa.kit;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every servlet service shares, at the lowest precedence so a service or a
 * deployment may still set each by name.
 * <ul>
 * <li><b>Readiness never includes Kafka</b> (DESIGN §6): a broker outage takes no pod out
 * of rotation, because writes wait in the outbox; Kafka stays in the health details,
 * which admins see.</li>
 * <li><b>No database wait is unbounded</b>: a connection from the pool within 2 s, a row
 * lock within 3 s ({@code lock_timeout}), a statement within 10 s
 * ({@code statement_timeout}), and a socket that stops answering is dropped after 30 s
 * (longer than any statement may run). Each ends in a 503 problem with
 * {@code Retry-After} ({@link MalformedRequestProblems}), never a request that
 * hangs.</li>
 * </ul>
 */
class ServiceDefaults implements EnvironmentPostProcessor {

	static final String SOURCE = "noddfaServiceDefaults";

	private static final Map<String, Object> DEFAULTS = Map.of("management.endpoint.health.group.readiness.exclude",
			"kafka", "management.endpoint.health.show-details", "when-authorized", "management.endpoint.health.roles",
			"ADMIN", "spring.datasource.hikari.connection-timeout", "2000",
			"spring.datasource.hikari.data-source-properties.options",
			"-c statement_timeout=10000 -c lock_timeout=3000",
			"spring.datasource.hikari.data-source-properties.connectTimeout", "5",
			"spring.datasource.hikari.data-source-properties.socketTimeout", "30");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getPropertySources().contains(SOURCE)) {
			environment.getPropertySources().addLast(new MapPropertySource(SOURCE, DEFAULTS));
		}
	}

}
