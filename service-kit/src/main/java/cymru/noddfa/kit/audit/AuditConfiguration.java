package cymru.noddfa.kit.audit;

import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Stream;

import org.flywaydb.core.api.Location;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

/**
 * The audit trail of a service with a database: its table joins the service's Flyway
 * migrations (location {@code classpath:db/audit}), and admins read it at
 * {@code GET /v1/audit}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(AuditProperties.class)
@Import(AuditController.class)
public class AuditConfiguration {

	static final String LOCATION = "classpath:db/audit";

	@Bean(destroyMethod = "close")
	AuditConnections auditConnections(DataSource dataSource, AuditProperties properties) {
		return AuditConnections.beside(dataSource, properties.poolSize());
	}

	@Bean
	AuditTrail auditTrail(AuditConnections connections, DataSource dataSource, ObjectProvider<Clock> clock,
			AuditProperties properties) {
		return new AuditTrail(JdbcClient.create(connections.dataSource()), JdbcClient.create(dataSource),
				clock.getIfAvailable(Clock::systemUTC), properties);
	}

	@Bean
	FlywayConfigurationCustomizer auditMigrations() {
		return (configuration) -> {
			Location[] locations = configuration.getLocations();
			if (Arrays.stream(locations).noneMatch((location) -> location.getDescriptor().equals(LOCATION))) {
				configuration
					.locations(Stream.concat(Arrays.stream(locations).map(Location::getDescriptor), Stream.of(LOCATION))
						.toArray(String[]::new));
			}
		};
	}

}
