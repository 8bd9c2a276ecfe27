package cymru.noddfa.bench.peer;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import cymru.noddfa.bench.generate.SearchMix.SearchCriteria;
import cymru.noddfa.bench.generate.SyntheticProvision;
import cymru.noddfa.bench.generate.SyntheticProvision.Beds;
import cymru.noddfa.bench.report.Latencies;
import cymru.noddfa.bench.workload.OpenLoop;

/**
 * What a team would build first: the same provisions in two PostgreSQL tables, and each
 * search as one query with the same hard filters and a haversine distance, ordered
 * in-region first then by distance. No Redis, no spatial index.
 */
public final class PeerDatabase implements AutoCloseable {

	static final String SEARCH = """
			select id, in_region, km from (
			  select p.id, p.region_code = ? as in_region,
			    6371 * 2 * asin(sqrt(power(sin(radians(p.lat - ?) / 2), 2)
			      + cos(radians(?)) * cos(radians(p.lat)) * power(sin(radians(p.lon - ?) / 2), 2))) as km
			  from peer_provision p join peer_vacancy v on v.provision_id = p.id
			  where v.bed_type = ? and v.available - v.held > 0 and p.status = 'OPEN'
			    and ? between p.min_age and p.max_age and p.accepts in ('ANY', ?)
			    and p.needs @> ? and not (p.exclusions && ?)
			    and (p.always_open
			      or (p.open_from <= p.open_to and ? >= p.open_from and ? < p.open_to)
			      or (p.open_from > p.open_to and (? >= p.open_from or ? < p.open_to)))
			) candidate
			where km <= ?
			order by in_region desc, km
			limit 10
			""";

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final HikariDataSource pool;

	public PeerDatabase(String jdbcUrl, String user, String password, int connections) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(jdbcUrl);
		config.setUsername(user);
		config.setPassword(password);
		config.setMaximumPoolSize(connections);
		config.setMinimumIdle(connections);
		config.setPoolName("bench-peer");
		this.pool = new HikariDataSource(config);
		execute("""
				create table if not exists peer_provision (
				  id text primary key, region_code text not null, lat double precision not null,
				  lon double precision not null, min_age int not null, max_age int not null, accepts text not null,
				  needs text[] not null, exclusions text[] not null, always_open boolean not null,
				  open_from int, open_to int, status text not null)""");
		execute("""
				create table if not exists peer_vacancy (
				  provision_id text not null references peer_provision (id), bed_type text not null,
				  total int not null, available int not null, held int not null default 0,
				  primary key (provision_id, bed_type))""");
	}

	/** Whether this PostgreSQL could run the PostGIS variant. */
	public boolean postgisAvailable() {
		try (Connection connection = this.pool.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("select count(*) from pg_available_extensions where name = 'postgis'")) {
			rows.next();
			return rows.getInt(1) > 0;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public void load(List<SyntheticProvision> provisions) {
		try (Connection connection = this.pool.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement provision = connection.prepareStatement(
					"insert into peer_provision values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN') on conflict do nothing");
					PreparedStatement vacancy = connection
						.prepareStatement("insert into peer_vacancy values (?, ?, ?, ?, 0) on conflict do nothing")) {
				for (SyntheticProvision p : provisions) {
					provision.setString(1, p.id());
					provision.setString(2, p.regionCode());
					provision.setDouble(3, p.lat());
					provision.setDouble(4, p.lon());
					provision.setInt(5, p.minAge());
					provision.setInt(6, p.maxAge());
					provision.setString(7, p.accepts());
					provision.setArray(8, connection.createArrayOf("text", p.needsMet().toArray()));
					provision.setArray(9, connection.createArrayOf("text", p.exclusions().toArray()));
					provision.setBoolean(10, p.admissions().always());
					provision.setObject(11, p.admissions().always() ? null : minutes(p.admissions().from()),
							java.sql.Types.INTEGER);
					provision.setObject(12, p.admissions().always() ? null : minutes(p.admissions().to()),
							java.sql.Types.INTEGER);
					provision.addBatch();
					for (Beds beds : p.vacancies()) {
						vacancy.setString(1, p.id());
						vacancy.setString(2, beds.bedType());
						vacancy.setInt(3, beds.total());
						vacancy.setInt(4, beds.available());
						vacancy.addBatch();
					}
				}
				provision.executeBatch();
				vacancy.executeBatch();
			}
			connection.commit();
			try (Statement statement = connection.createStatement()) {
				statement.execute("analyze peer_provision");
				statement.execute("analyze peer_vacancy");
			}
			connection.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not load the peer database", ex);
		}
	}

	public Latencies search(String workload, List<SearchCriteria> mix, double perSecond, Duration duration,
			Duration timeout) {
		return OpenLoop.run(workload, perSecond, duration, timeout, (i) -> candidates(mix.get(i % mix.size())) >= 0,
				"open loop from the load generator's JVM (no HTTP, no token), JDBC pool of "
						+ this.pool.getMaximumPoolSize() + ", haversine, no spatial index");
	}

	/** The number of candidates the query finds. */
	public int candidates(SearchCriteria search) {
		int now = search.admissionAt().atZone(LONDON).toLocalTime().toSecondOfDay() / 60;
		try (Connection connection = this.pool.getConnection();
				PreparedStatement query = connection.prepareStatement(SEARCH)) {
			Array needs = connection.createArrayOf("text", search.needs().toArray());
			query.setString(1, search.regionCode());
			query.setDouble(2, search.lat());
			query.setDouble(3, search.lat());
			query.setDouble(4, search.lon());
			query.setString(5, search.bedType());
			query.setInt(6, search.age());
			query.setString(7, search.sex());
			query.setArray(8, needs);
			query.setArray(9, needs);
			query.setInt(10, now);
			query.setInt(11, now);
			query.setInt(12, now);
			query.setInt(13, now);
			query.setDouble(14, search.maxKm());
			int found = 0;
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					found++;
				}
			}
			return found;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public double meanCandidates(List<SearchCriteria> mix, int sample) {
		int asked = Math.min(sample, mix.size());
		long total = 0;
		for (int i = 0; i < asked; i++) {
			total += candidates(mix.get(i));
		}
		return (asked == 0) ? 0 : (double) total / asked;
	}

	private static int minutes(String time) {
		return LocalTime.parse(time).toSecondOfDay() / 60;
	}

	private void execute(String sql) {
		try (Connection connection = this.pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.pool.close();
	}

}
