package cymru.noddfa.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkerLoopTest {

	private static final Duration LONG_POLL = Duration.ofMinutes(10);

	private WorkerLoop loop;

	@AfterEach
	void stop() {
		if (this.loop != null) {
			this.loop.stop(Duration.ofSeconds(5));
		}
	}

	@Test
	void a_wake_up_runs_a_round_long_before_the_next_poll() {
		AtomicInteger rounds = new AtomicInteger();
		this.loop = new WorkerLoop("test-loop", LONG_POLL, 10, () -> {
			rounds.incrementAndGet();
			return 0;
		}, (ex) -> Duration.ZERO);
		this.loop.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.loop.isRunning());

		this.loop.wakeUp();

		await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 1);
	}

	@Test
	void full_rounds_follow_each_other_until_one_comes_back_short() {
		List<Integer> handled = new CopyOnWriteArrayList<>(List.of(10, 10, 10, 3));
		AtomicInteger rounds = new AtomicInteger();
		this.loop = new WorkerLoop("test-loop", LONG_POLL, 10, () -> {
			rounds.incrementAndGet();
			return handled.isEmpty() ? 0 : handled.remove(0);
		}, (ex) -> Duration.ZERO);
		this.loop.start();

		this.loop.wakeUp();

		await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 4);
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> rounds.get() == 4);
	}

	@Test
	void a_failing_round_is_reported_and_the_loop_keeps_going_after_its_pause() {
		List<String> failures = new CopyOnWriteArrayList<>();
		AtomicInteger rounds = new AtomicInteger();
		this.loop = new WorkerLoop("test-loop", Duration.ofMillis(20), 10, () -> {
			if (rounds.incrementAndGet() == 1) {
				throw new IllegalStateException("database away");
			}
			return 0;
		}, (ex) -> {
			failures.add(ex.getMessage());
			return Duration.ofMillis(50);
		});

		this.loop.start();

		await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 3);
		assertThat(failures).containsExactly("database away");
	}

	@Test
	void a_wake_up_asked_for_inside_a_transaction_waits_for_its_commit() {
		AtomicInteger rounds = new AtomicInteger();
		this.loop = new WorkerLoop("test-loop", LONG_POLL, 10, () -> {
			rounds.incrementAndGet();
			return 0;
		}, (ex) -> Duration.ZERO);
		this.loop.start();
		TransactionSynchronizationManager.initSynchronization();
		try {
			this.loop.wakeUpAfterCommit();
			await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> rounds.get() == 0);

			TransactionSynchronizationUtils.triggerAfterCommit();
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}

		await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
	}

	@Test
	void a_stopped_loop_runs_no_more_rounds() {
		AtomicInteger rounds = new AtomicInteger();
		this.loop = new WorkerLoop("test-loop", Duration.ofMillis(10), 10, () -> {
			rounds.incrementAndGet();
			return 0;
		}, (ex) -> Duration.ZERO);
		this.loop.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 1);

		this.loop.stop(Duration.ofSeconds(5));
		int afterStop = rounds.get();

		assertThat(this.loop.isRunning()).isFalse();
		await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> rounds.get() == afterStop);
	}

}
