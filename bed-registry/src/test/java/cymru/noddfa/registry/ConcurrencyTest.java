package cymru.noddfa.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest extends RegistryComponentTest {

	@RepeatedTest(5)
	void two_writers_with_the_same_etag_exactly_one_wins_and_the_other_gets_412() throws Exception {
		String id = unique("race");
		create(id);
		String path = "/v1/provisions/" + id + "/vacancies/CRISIS";

		List<Api.Response> answers = together(2, (i) -> () -> this.api.put(path,
				"{\"total\": 3, \"available\": " + (i == 0 ? 0 : 2) + "}", "If-Match", "\"1\""));

		assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 412);
		Api.Response winner = answers.stream().filter((a) -> a.status() == 200).findFirst().orElseThrow();
		Api.Response loser = answers.stream().filter((a) -> a.status() == 412).findFirst().orElseThrow();
		assertThat(loser.json().get("current")).isEqualTo(winner.json());
		assertThat(this.api.get("/v1/provisions/" + id).json()).isEqualTo(winner.json());
		assertThat(vacancyChanges(id)).isEqualTo(2);
	}

	@Test
	void the_same_idempotency_key_five_times_at_once_changes_once_and_answers_five_times_alike() throws Exception {
		String id = unique("idem");
		create(id);
		String key = UUID.randomUUID().toString();

		List<Api.Response> answers = together(5, (i) -> () -> this.api.put("/v1/provisions/" + id + "/vacancies/CRISIS",
				"{\"total\": 3, \"available\": 0}", "If-Match", "\"1\"", "Idempotency-Key", key));

		assertThat(answers).extracting(Api.Response::status).containsOnly(200);
		assertThat(answers).extracting(Api.Response::body).containsOnly(answers.get(0).body());
		assertThat(answers).extracting(Api.Response::etag).containsOnly("\"2\"");
		assertThat(this.api.get("/v1/provisions/" + id).json().get("version").asLong()).isEqualTo(2);
		assertThat(vacancyChanges(id)).isEqualTo(2);
		assertThat(
				this.jdbc.sql("select count(*) from outbox where message_key = ?").param(id).query(Long.class).single())
			.isEqualTo(2);
	}

	@Test
	void a_retried_create_with_the_same_key_returns_the_first_answer() throws Exception {
		String id = unique("idem-create");
		String key = UUID.randomUUID().toString();

		List<Api.Response> answers = together(5,
				(i) -> () -> this.api.post("/v1/provisions", provision(id, "test-provider"), "Idempotency-Key", key));

		assertThat(answers).extracting(Api.Response::status).containsOnly(201);
		assertThat(answers).extracting(Api.Response::body).containsOnly(answers.get(0).body());
		assertThat(answers).extracting((a) -> a.header("Location")).containsOnly(answers.get(0).header("Location"));
		assertThat(
				this.jdbc.sql("select count(*) from outbox where message_key = ?").param(id).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void a_key_reused_for_a_different_request_is_refused() {
		String id = unique("idem-reuse");
		create(id);
		String key = UUID.randomUUID().toString();
		String path = "/v1/provisions/" + id + "/vacancies/CRISIS";

		assertThat(this.api.put(path, "{\"total\": 3, \"available\": 0}", "If-Match", "\"1\"", "Idempotency-Key", key)
			.status()).isEqualTo(200);
		Api.Response reused = this.api.put(path, "{\"total\": 3, \"available\": 3}", "If-Match", "\"1\"",
				"Idempotency-Key", key);

		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.json().get("field").asString()).isEqualTo("Idempotency-Key");
	}

	@Test
	void a_failed_write_does_not_use_up_its_key() {
		String id = unique("idem-fail");
		create(id);
		String key = UUID.randomUUID().toString();
		String path = "/v1/provisions/" + id + "/vacancies/CRISIS";

		assertThat(this.api.put(path, "{\"total\": 3, \"available\": 0}", "If-Match", "\"7\"", "Idempotency-Key", key)
			.status()).isEqualTo(412);
		assertThat(this.api.put(path, "{\"total\": 3, \"available\": 0}", "If-Match", "\"7\"", "Idempotency-Key", key)
			.status()).isEqualTo(412);
		assertThat(this.api.get("/v1/provisions/" + id).json().get("version").asLong()).isEqualTo(1);
	}

	private long vacancyChanges(String id) {
		return this.jdbc.sql("select count(*) from provision_history where provision_id = ? and change = 'VACANCY_SET'")
			.param(id)
			.query(Long.class)
			.single();
	}

	/** Starts every request at the same moment and collects the answers. */
	private static List<Api.Response> together(int count, IntFunction<Callable<Api.Response>> request)
			throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Api.Response>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Callable<Api.Response> call = request.apply(i);
				futures.add(threads.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Api.Response> answers = new ArrayList<>();
			for (Future<Api.Response> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
	}

}
