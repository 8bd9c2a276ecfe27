package cymru.noddfa.bench.workload;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import cymru.noddfa.infra.FreePort;
import cymru.noddfa.infra.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class VacuumTest {

	@TempDir
	Path dataDir;

	@Test
	void every_database_is_vacuumed_and_analysed_not_only_the_default_one() throws SQLException {
		try (PostgresServer postgres = new PostgresServer(this.dataDir, FreePort.pick()).start()) {
			postgres.createDatabase("registry");
			execute(postgres.jdbcUrl("registry"),
					"create table provision (id int primary key); insert into provision select generate_series(1, 5000)");

			Vacuum.everyDatabase(postgres::jdbcUrl, PostgresServer.USER, PostgresServer.PASSWORD);

			try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("registry"), PostgresServer.USER,
					PostgresServer.PASSWORD);
					Statement statement = connection.createStatement();
					ResultSet row = statement.executeQuery("select last_vacuum is not null, last_analyze is not null "
							+ "from pg_stat_user_tables where relname = 'provision'")) {
				assertThat(row.next()).isTrue();
				assertThat(row.getBoolean(1)).as("vacuumed").isTrue();
				assertThat(row.getBoolean(2)).as("analysed").isTrue();
			}
		}
	}

	private static void execute(String url, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
