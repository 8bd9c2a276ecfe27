package cymru.noddfa.testsupport;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the shared infrastructure before a test class and points Spring Boot at it
 * through system properties, together with the {@link TestIdentity} every service trusts
 * in tests. Each Maven module tests one service in its own JVM, so one database per JVM
 * is all a module ever needs.
 */
public final class InfrastructureExtension implements BeforeAllCallback, ParameterResolver {

	@Override
	public void beforeAll(ExtensionContext context) {
		TestInfrastructure infra = SharedInfrastructure.get();
		String database = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithInfrastructure.class)
			.map(WithInfrastructure::database)
			.orElse("postgres");
		infra.createDatabase(database);
		System.setProperty("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
		System.setProperty("spring.datasource.url", infra.jdbcUrl(database));
		System.setProperty("spring.datasource.username", infra.jdbcUsername());
		System.setProperty("spring.datasource.password", infra.jdbcPassword());
		System.setProperty("spring.data.redis.host", infra.redisHost());
		System.setProperty("spring.data.redis.port", String.valueOf(infra.redisPort()));
		TestIdentity.shared().properties().forEach(System::setProperty);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
		return parameter.getParameter().getType() == TestInfrastructure.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
		return SharedInfrastructure.get();
	}

}
