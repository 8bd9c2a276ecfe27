package cymru.noddfa.bench.report;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where PostgreSQL's time goes in a profiling window, from {@code pg_stat_statements}
 * (loaded only when the stack was started to track statements): every database on the
 * server, the statements that took the most time first. Execution time includes waits (a
 * commit's WAL flush, a lock), so it is the time a statement held its connection.
 */
public final class Statements {

	private final String url;

	private final String user;

	private final String password;

	public Statements(String postgresUrl, String user, String password) {
		this.url = postgresUrl;
		this.user = user;
		this.password = password;
	}

	/** Starts a window: what came before it is forgotten. */
	public void reset() {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("create extension if not exists pg_stat_statements");
			statement.execute("select pg_stat_statements_reset()");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("pg_stat_statements is not loaded: " + ex.getMessage(), ex);
		}
	}

	/** The statements that took the most time since {@link #reset()}. */
	public List<Top> top(int limit) {
		List<Top> top = new ArrayList<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("""
						select d.datname, s.calls, s.total_exec_time, s.rows, s.query
						from pg_stat_statements s join pg_database d on d.oid = s.dbid
						where d.datname <> 'postgres'
						order by s.total_exec_time desc limit %d
						""".formatted(limit))) {
			while (rs.next()) {
				top.add(new Top(rs.getString(1), rs.getLong(2), rs.getDouble(3), rs.getLong(4), rs.getString(5)));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read pg_stat_statements: " + ex.getMessage(), ex);
		}
		return top;
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

	/**
	 * @param database the service's database
	 * @param calls times run in the window
	 * @param totalMillis time spent in it, waits included
	 * @param rows rows returned or changed
	 * @param query the statement, constants replaced by placeholders
	 */
	public record Top(String database, long calls, double totalMillis, long rows, String query) {

		/** One line of a report: the statement shortened to its first 120 characters. */
		public String describe() {
			String flat = this.query.replaceAll("\\s+", " ").strip();
			if (flat.length() > 120) {
				flat = flat.substring(0, 117) + "...";
			}
			return String.format(Locale.ROOT, "%s: %,.0f ms in %,d calls (%.2f ms each, %,d rows): `%s`", this.database,
					this.totalMillis, this.calls, this.totalMillis / Math.max(1, this.calls), this.rows,
					flat.replace("`", "'"));
		}

	}

}
