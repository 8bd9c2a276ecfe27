package cymru.noddfa.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import cymru.noddfa.infra.EmbeddedInfrastructure;
import cymru.noddfa.infra.PostgresServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The official Kafka, PostgreSQL and Redis images, used where a Docker engine is
 * available. Taking a server away pauses its container, which clients see exactly as an
 * unreachable host.
 */
final class ContainerTestInfrastructure implements TestInfrastructure {

	private final KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.2"));

	private final PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:17.5"));

	private final GenericContainer<?> redis = new GenericContainer<>(DockerImageName.parse("redis:7.4"))
		.withExposedPorts(6379);

	private ContainerTestInfrastructure() {
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	static ContainerTestInfrastructure start() {
		ContainerTestInfrastructure infra = new ContainerTestInfrastructure();
		infra.kafka.start();
		infra.postgres.start();
		infra.redis.start();
		EmbeddedInfrastructure.DATABASES.forEach(infra::createDatabase);
		return infra;
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.postgres.getHost() + ":" + this.postgres.getMappedPort(5432) + "/"
				+ database;
	}

	@Override
	public String jdbcUsername() {
		return this.postgres.getUsername();
	}

	@Override
	public String jdbcPassword() {
		return this.postgres.getPassword();
	}

	@Override
	public String redisHost() {
		return this.redis.getHost();
	}

	@Override
	public int redisPort() {
		return this.redis.getMappedPort(6379);
	}

	@Override
	public void stopKafka() {
		pause(this.kafka);
	}

	@Override
	public void startKafka() {
		unpause(this.kafka);
	}

	@Override
	public void stopPostgres() {
		pause(this.postgres);
	}

	@Override
	public void startPostgres() {
		unpause(this.postgres);
	}

	@Override
	public void stopRedis() {
		pause(this.redis);
	}

	@Override
	public void startRedis() {
		unpause(this.redis);
	}

	@Override
	public void createDatabase(String name) {
		try (Connection connection = DriverManager.getConnection(this.postgres.getJdbcUrl(), jdbcUsername(),
				jdbcPassword())) {
			PostgresServer.createDatabase(connection, name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
	}

	private static void pause(GenericContainer<?> container) {
		container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
	}

	private static void unpause(GenericContainer<?> container) {
		container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
	}

	@Override
	public void close() {
		this.redis.stop();
		this.postgres.stop();
		this.kafka.stop();
	}

}
