package cymru.noddfa.matcher.availability;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import redis.clients.jedis.exceptions.JedisException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures are the matcher's own infrastructure being away or slow, so that the
 * record that met them will apply once it returns: PostgreSQL unreachable, refusing
 * connections or shutting down, a timeout, a lock or serialization failure, a transaction
 * that could not begin, and any Redis failure. A record reaches Redis only after it was
 * checked ({@link ProvisionState#problems}), so nothing in it can make a Redis write
 * fail.
 * <p>
 * PostgreSQL's own SQLSTATE is read as well as Spring's translation of it, because the
 * translation leaves some of these uncategorized (a lock timeout's {@code 55P03}).
 */
final class InfrastructureFailures {

	/**
	 * SQLSTATE classes: connection exception, insufficient resources, operator
	 * intervention (shutdown, a statement timeout's cancel), system error.
	 */
	private static final Set<String> AWAY_OR_SLOW = Set.of("08", "53", "57", "58");

	/** Serialization failure, deadlock, lock not available (a lock timeout). */
	private static final Set<String> TRY_AGAIN = Set.of("40001", "40P01", "55P03");

	private InfrastructureFailures() {
	}

	static boolean isInfrastructure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof RecoverableDataAccessException
					|| cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
					|| cause instanceof SQLRecoverableException || cause instanceof ReadModelUnavailable
					|| cause instanceof JedisException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5
					&& (AWAY_OR_SLOW.contains(sql.getSQLState().substring(0, 2))
							|| TRY_AGAIN.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
