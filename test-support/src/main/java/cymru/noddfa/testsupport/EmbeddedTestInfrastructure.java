package cymru.noddfa.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import cymru.noddfa.infra.EmbeddedInfrastructure;
import cymru.noddfa.infra.PostgresServer;

/**
 * The servers run inside this JVM (Kafka) or as child processes of it (PostgreSQL,
 * Redis).
 */
final class EmbeddedTestInfrastructure implements TestInfrastructure {

	private final Path dataDir;

	private final EmbeddedInfrastructure infra;

	private EmbeddedTestInfrastructure(Path dataDir, EmbeddedInfrastructure infra) {
		this.dataDir = dataDir;
		this.infra = infra;
	}

	static EmbeddedTestInfrastructure start() {
		try {
			Path dataDir = Files.createTempDirectory("noddfa-test-infra");
			return new EmbeddedTestInfrastructure(dataDir,
					EmbeddedInfrastructure.start(dataDir, EmbeddedInfrastructure.Ports.any()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.infra.kafka().bootstrapServers();
	}

	@Override
	public String jdbcUrl(String database) {
		return this.infra.postgres().jdbcUrl(database);
	}

	@Override
	public String jdbcUsername() {
		return PostgresServer.USER;
	}

	@Override
	public String jdbcPassword() {
		return PostgresServer.PASSWORD;
	}

	@Override
	public String redisHost() {
		return this.infra.redis().host();
	}

	@Override
	public int redisPort() {
		return this.infra.redis().port();
	}

	@Override
	public void stopKafka() {
		this.infra.kafka().stop();
	}

	@Override
	public void startKafka() {
		this.infra.kafka().start();
	}

	@Override
	public void stopPostgres() {
		this.infra.postgres().stop();
	}

	@Override
	public void startPostgres() {
		this.infra.postgres().start();
	}

	@Override
	public void stopRedis() {
		this.infra.redis().stop();
	}

	@Override
	public void startRedis() {
		this.infra.redis().start();
	}

	@Override
	public void createDatabase(String name) {
		this.infra.postgres().createDatabase(name);
	}

	@Override
	public void close() {
		this.infra.close();
		try (Stream<Path> files = Files.walk(this.dataDir)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temp directory left behind is not worth failing a build over
		}
	}

}
