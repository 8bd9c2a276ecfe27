package cymru.noddfa.kit.audit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * A small pool of its own for the audit trail, to the service's database with the
 * service's settings: the audit row of a request the service did not record in its own
 * transaction is written after the request's work, and under a surge the service's pool
 * can be all taken by the next changes.
 */
final class AuditConnections implements AutoCloseable {

	private final DataSource dataSource;

	private final HikariDataSource own;

	private AuditConnections(DataSource dataSource, HikariDataSource own) {
		this.dataSource = dataSource;
		this.own = own;
	}

	static AuditConnections beside(DataSource service, int poolSize) {
		if (!(service instanceof HikariDataSource hikari)) {
			return new AuditConnections(service, null);
		}
		HikariConfig config = new HikariConfig();
		hikari.copyStateTo(config);
		config.setPoolName(hikari.getPoolName() + "-audit");
		config.setMaximumPoolSize(poolSize);
		config.setMinimumIdle(1);
		HikariDataSource own = new HikariDataSource(config);
		return new AuditConnections(own, own);
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public void close() {
		if (this.own != null) {
			this.own.close();
		}
	}

}
