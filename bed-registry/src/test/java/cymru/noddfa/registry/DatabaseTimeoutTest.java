package cymru.noddfa.registry;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request never hangs on the database: a row another transaction holds locked answers a
 * 503 problem with {@code Retry-After} once the lock timeout passes, not a 500 and not an
 * endless wait.
 */
class DatabaseTimeoutTest extends RegistryComponentTest {

	@Autowired
	DataSource dataSource;

	@Test
	void a_vacancy_update_on_a_row_locked_elsewhere_answers_a_503_problem_within_the_lock_timeout() throws Exception {
		String id = unique("locked");
		create(id);
		Api.Response response;
		Instant start;
		try (Connection holder = this.dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (var lock = holder.prepareStatement("select id from provision where id = ? for update")) {
				lock.setString(1, id);
				lock.executeQuery().close();
			}
			start = Instant.now();
			response = this.api.put("/v1/provisions/" + id + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 2}",
					"If-Match", "\"1\"");
			holder.rollback();
		}

		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
		assertThat(response.status()).as(response.toString()).isEqualTo(503);
		assertThat(response.json().get("type").asString()).isEqualTo("https://noddfa.cymru/problems/database-busy");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(this.api
			.put("/v1/provisions/" + id + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 2}", "If-Match", "\"1\"")
			.status()).as("the same update goes through once the lock is gone").isEqualTo(200);
	}

	@Test
	void a_vacancy_update_while_every_pooled_connection_is_busy_answers_a_503_problem_not_a_500() throws Exception {
		String id = unique("pool-busy");
		create(id);
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		List<Connection> taken = new ArrayList<>();
		Api.Response response;
		try {
			for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
				taken.add(pool.getConnection());
			}
			response = this.api.put("/v1/provisions/" + id + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 2}",
					"If-Match", "\"1\"");
		}
		finally {
			for (Connection connection : taken) {
				connection.close();
			}
		}

		assertThat(response.status()).as(response.toString()).isEqualTo(503);
		assertThat(response.json().get("type").asString()).isEqualTo("https://noddfa.cymru/problems/database-busy");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
		assertThat(this.api
			.put("/v1/provisions/" + id + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 2}", "If-Match", "\"1\"")
			.status()).as("nothing was changed, so the same update goes through once connections are free")
			.isEqualTo(200);
	}

}
