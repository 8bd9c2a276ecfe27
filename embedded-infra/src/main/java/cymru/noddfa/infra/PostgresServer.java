package cymru.noddfa.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from the binaries packaged by zonky. The data directory is
 * kept between starts, and the server always comes back on the port it was first given.
 */
public final class PostgresServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

	public static final String USER = "postgres";

	public static final String PASSWORD = "postgres";

	/**
	 * A system property that, set to {@code true}, loads {@code pg_stat_statements} at
	 * start, so a profiling run can see which statements take PostgreSQL's time. Off
	 * otherwise: it costs a little on every statement.
	 */
	public static final String TRACK_STATEMENTS = "noddfa.postgres.track-statements";

	private final Path dataDir;

	private final int port;

	private EmbeddedPostgres postgres;

	public PostgresServer(Path dataDir, int port) {
		this.dataDir = dataDir;
		this.port = port;
	}

	public int port() {
		return this.port;
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	public synchronized boolean isRunning() {
		return this.postgres != null;
	}

	public synchronized PostgresServer start() {
		if (this.postgres != null) {
			return this;
		}
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			if (Boolean.getBoolean(TRACK_STATEMENTS)) {
				builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
					.setServerConfig("pg_stat_statements.track", "all");
			}
			this.postgres = builder.setDataDirectory(this.dataDir)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				// acknowledged writes must survive a crash: keep PostgreSQL's durable
				// defaults
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("fsync", "on")
				.setServerConfig("max_connections", "300")
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setRegisterShutdownHook(true)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start in " + this.dataDir, ex);
		}
		log.info("PostgreSQL listening on 127.0.0.1:{} (data in {})", this.port, this.dataDir);
		return this;
	}

	/** Creates the database if it does not exist yet; safe to call on every start. */
	public void createDatabase(String name) {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection()) {
			createDatabase(connection, name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
	}

	/**
	 * Creates the database through a connection to any PostgreSQL server unless it
	 * exists; safe to call on every start. Names are lower-case identifiers, so nothing
	 * needs quoting.
	 */
	public static void createDatabase(Connection connection, String name) throws SQLException {
		if (!name.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("Database names are lower-case identifiers: " + name);
		}
		try (Statement statement = connection.createStatement()) {
			try (ResultSet existing = statement
				.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
				if (existing.next()) {
					return;
				}
			}
			statement.execute("create database " + name);
		}
	}

	public synchronized void stop() {
		if (this.postgres == null) {
			return;
		}
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.postgres = null;
		}
		log.info("PostgreSQL on 127.0.0.1:{} stopped", this.port);
	}

	@Override
	public void close() {
		stop();
	}

}
