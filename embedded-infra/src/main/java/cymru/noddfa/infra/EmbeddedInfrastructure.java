package cymru.noddfa.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Kafka, PostgreSQL and Redis for one machine, started side by side. Each service gets
 * its own PostgreSQL database on the shared server, as each would have its own in
 * production.
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

	/** One database per service that owns data. */
	public static final List<String> DATABASES = List.of("registry", "matcher", "notifications");

	private final KafkaBroker kafka;

	private final PostgresServer postgres;

	private final RedisServer redis;

	private EmbeddedInfrastructure(KafkaBroker kafka, PostgresServer postgres, RedisServer redis) {
		this.kafka = kafka;
		this.postgres = postgres;
		this.redis = redis;
	}

	/**
	 * Starts the three servers under {@code dataDir} on the given ports (0 = any free
	 * one).
	 */
	public static EmbeddedInfrastructure start(Path dataDir, Ports ports) {
		KafkaBroker kafka = new KafkaBroker(dataDir.resolve("kafka"), orFree(ports.kafka()),
				orFree(ports.kafkaController()));
		PostgresServer postgres = new PostgresServer(dataDir.resolve("postgres"), orFree(ports.postgres()));
		RedisServer redis = new RedisServer(dataDir.resolve("redis"), orFree(ports.redis()));
		CompletableFuture<?> kafkaUp = CompletableFuture.runAsync(withCallersClassLoader(kafka::start));
		CompletableFuture<?> redisUp = CompletableFuture.runAsync(withCallersClassLoader(redis::start));
		postgres.start();
		DATABASES.forEach(postgres::createDatabase);
		CompletableFuture.allOf(kafkaUp, redisUp).join();
		return new EmbeddedInfrastructure(kafka, postgres, redis);
	}

	/**
	 * Kafka loads its plugin classes through the thread's context class loader, which on
	 * a pool thread is the system one: wrong inside an executable jar, where the
	 * application's classes live in a nested class loader.
	 */
	private static Runnable withCallersClassLoader(Runnable task) {
		ClassLoader callers = Thread.currentThread().getContextClassLoader();
		return () -> {
			Thread thread = Thread.currentThread();
			ClassLoader previous = thread.getContextClassLoader();
			thread.setContextClassLoader(callers);
			try {
				task.run();
			}
			finally {
				thread.setContextClassLoader(previous);
			}
		};
	}

	private static int orFree(int port) {
		return (port == 0) ? FreePort.pick() : port;
	}

	public KafkaBroker kafka() {
		return this.kafka;
	}

	public PostgresServer postgres() {
		return this.postgres;
	}

	public RedisServer redis() {
		return this.redis;
	}

	@Override
	public void close() {
		this.kafka.stop();
		this.redis.stop();
		this.postgres.stop();
	}

	/** Ports to listen on; 0 picks a free one. */
	public record Ports(int kafka, int kafkaController, int postgres, int redis) {

		public static Ports any() {
			return new Ports(0, 0, 0, 0);
		}

	}

}
