package cymru.noddfa.bench.workload;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What an operator does after a bulk import and before the load that matters: every
 * database of the stack vacuumed and analysed, as pgbench does before its runs. Left to
 * autovacuum, the passes over the tables the provisions had just filled started within
 * its first minute, inside the first measured window after the load, and charged their
 * CPU to the vacancy updates there (up to 7 s of PostgreSQL's in one window).
 */
public final class Vacuum {

	private Vacuum() {
	}

	/**
	 * Vacuums and analyses every database that takes connections, one after another.
	 * @param urlOf the JDBC URL of a database, by name
	 * @return how long it took
	 */
	public static Duration everyDatabase(UnaryOperator<String> urlOf, String user, String password) {
		long started = System.nanoTime();
		for (String database : databases(urlOf.apply("postgres"), user, password)) {
			try (Connection connection = DriverManager.getConnection(urlOf.apply(database), user, password);
					Statement statement = connection.createStatement()) {
				// outside a transaction: the driver's autocommit, which VACUUM needs
				statement.execute("vacuum (analyze)");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not vacuum database " + database, ex);
			}
		}
		return Duration.ofNanos(System.nanoTime() - started);
	}

	private static List<String> databases(String url, String user, String password) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select datname from pg_database where datallowconn and not datistemplate")) {
			List<String> names = new ArrayList<>();
			while (rows.next()) {
				names.add(rows.getString(1));
			}
			return names;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not list the stack's databases", ex);
		}
	}

}
