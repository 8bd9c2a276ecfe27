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
	void redis_can_be_taken_away_and_given_back_on_the_same_port(TestInfrastructure infra) throws Exception {
		int port = infra.redisPort();
		infra.stopRedis();
		assertThat(answersPing(infra)).isFalse();
		infra.startRedis();
		assertThat(infra.redisPort()).isEqualTo(port);
		assertThat(answersPing(infra)).isTrue();
	}

	private static boolean answersPing(TestInfrastructure infra) {
		try (var socket = new java.net.Socket(infra.redisHost(), infra.redisPort())) {
			socket.getOutputStream().write("PING\r\n".getBytes());
			return new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream())).readLine()
				.equals("+PONG");
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

	@Test
	void the_same_servers_serve_every_test_in_the_jvm() {
		assertThat(SharedInfrastructure.get()).isSameAs(SharedInfrastructure.get());
	}

}
