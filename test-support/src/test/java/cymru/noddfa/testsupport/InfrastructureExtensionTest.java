package cymru.noddfa.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@WithInfrastructure(database = "support_check")
class InfrastructureExtensionTest {

	@Test
	void publishes_spring_boot_properties_for_the_class_database(TestInfrastructure infra) throws Exception {
		assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isEqualTo(infra.kafkaBootstrapServers());
		assertThat(System.getProperty("spring.datasource.url")).endsWith("/support_check");
		try (Connection c = DriverManager.getConnection(System.getProperty("spring.datasource.url"),
				System.getProperty("spring.datasource.username"), System.getProperty("spring.datasource.password"))) {
			assertThat(c.getCatalog()).isEqualTo("support_check");
		}
	}

	@Test
	void the_same_servers_serve_every_test_in_the_jvm() {
		assertThat(SharedInfrastructure.get()).isSameAs(SharedInfrastructure.get());
	}

}
