package cymru.noddfa.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import cymru.noddfa.infra.EmbeddedInfrastructure;

/**
 * How to start the stack.
 *
 * @param dataDir where the servers keep their data and the services their logs
 * @param servicesDir where the services' executable jars are
 * @param infraPorts Kafka, PostgreSQL and Redis ports (0 = any free one)
 * @param ports the HTTP ports of the gateway, the four services and the development
 * identity provider
 * @param profile the Spring profile every service runs with
 * @param demoData whether the registry loads the demo provisions on first start
 * @param jvmArgs extra JVM options for every service
 * @param serviceArgs extra arguments for one service, by its name
 */
public record StackOptions(Path dataDir, Path servicesDir, EmbeddedInfrastructure.Ports infraPorts, ServicePorts ports,
		String profile, boolean demoData, List<String> jvmArgs, Map<String, List<String>> serviceArgs) {

	/**
	 * The HTTP ports of the gateway, the four services and the development identity
	 * provider ({@code 0}: any free port).
	 */
	public record ServicePorts(int gateway, int registry, int matcher, int notifications, int panels, int identity) {

		public static final ServicePorts STANDARD = new ServicePorts(8080, 8081, 8082, 8083, 8084, 9000);

	}

}
