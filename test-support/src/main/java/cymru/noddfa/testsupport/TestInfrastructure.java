package cymru.noddfa.testsupport;

/**
 * Real Kafka, PostgreSQL and Redis for a test JVM. Tests that prove resilience take a
 * server away and give it back; everything else just reads the addresses.
 */
public interface TestInfrastructure extends AutoCloseable {

	String kafkaBootstrapServers();

	/** JDBC URL of a database that already exists on the shared server. */
	String jdbcUrl(String database);

	String jdbcUsername();

	String jdbcPassword();

	String redisHost();

	int redisPort();

	/** Makes the Kafka broker unreachable until {@link #startKafka()}. */
	void stopKafka();

	void startKafka();

	/** Makes PostgreSQL unreachable until {@link #startPostgres()}. */
	void stopPostgres();

	void startPostgres();

	/** Makes Redis unreachable until {@link #startRedis()}; its contents are lost. */
	void stopRedis();

	void startRedis();

	/** Creates a database if it is not there yet. */
	void createDatabase(String name);

	@Override
	void close();

}
