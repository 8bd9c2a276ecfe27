package cymru.noddfa.matcher.availability;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import cymru.noddfa.matcher.availability.ReadModelConfiguration.InfrastructureFailures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures wait for the infrastructure (retried until it returns) and which are the
 * record's or the code's (dead-lettered).
 */
class InfrastructureFailuresTest {

	static Stream<Arguments> failures() {
		return Stream.of(
				Arguments.of("no database connection",
						new CannotCreateTransactionException("no connection",
								new CannotGetJdbcConnectionException("pool",
										new SQLTransientConnectionException("timed out")))),
				Arguments.of("a lock timeout", new CannotAcquireLockException("lock_timeout")),
				Arguments.of("a statement timeout", new QueryTimeoutException("statement_timeout")),
				Arguments.of("PostgreSQL's lock timeout, left uncategorized",
						new UncategorizedSQLException("fold", "insert",
								new SQLException("canceling statement due to lock timeout", "55P03"))),
				Arguments.of("PostgreSQL shutting down",
						new UncategorizedSQLException("fold", "insert",
								new SQLException("terminating connection due to administrator command", "57P01"))),
				Arguments.of("Redis unreachable", new ReadModelUnavailable(new JedisConnectionException("refused"))),
				Arguments.of("Redis refusing writes",
						new ReadModelUnavailable(new JedisDataException("OOM command not allowed"))),
				Arguments.of("wrapped by the listener container", new ListenerExecutionFailedException(
						"listener failed", new ReadModelUnavailable(new JedisConnectionException("reset")))));
	}

	static Stream<Arguments> notInfrastructure() {
		return Stream.of(Arguments.of("a value that is not JSON", new StreamReadException(null, "unexpected")),
				Arguments.of("a record that lacks a field",
						new UnusableProvisionState("p", java.util.List.of("location is missing"))),
				Arguments.of("a constraint the record breaks", new DataIntegrityViolationException("not null")),
				Arguments.of("a constraint, left uncategorized",
						new UncategorizedSQLException("fold", "insert", new SQLException("check", "23514"))),
				Arguments.of("a defect in our SQL", new BadSqlGrammarException("fold", "select", new SQLException())),
				Arguments.of("a defect in our code", new NullPointerException()));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void waits_for_the_infrastructure(String what, Exception failure) {
		assertThat(InfrastructureFailures.isInfrastructure(failure)).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notInfrastructure")
	void is_the_records_or_the_codes_fault(String what, Exception failure) {
		assertThat(InfrastructureFailures.isInfrastructure(failure)).isFalse();
	}

}
