package cymru.noddfa.bench.workload;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import cymru.noddfa.bench.report.ProcessCpu;

import static org.assertj.core.api.Assertions.assertThat;

class SettleTest {

	/** This test's own JVM, watched as if it were the stack. */
	private final ProcessCpu thisJvm = new ProcessCpu(
			List.of(new ProcessCpu.Watched("this JVM", ProcessHandle.current().pid(), false, true)));

	@Test
	void a_stack_still_busy_is_waited_for_until_the_limit_and_no_longer() throws InterruptedException {
		AtomicBoolean spinning = new AtomicBoolean(true);
		Thread busy = Thread.ofPlatform().start(() -> spin(spinning));
		try {
			Duration waited = Settle.untilQuiet(this.thisJvm, Duration.ofSeconds(2));

			assertThat(waited).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
		}
		finally {
			spinning.set(false);
			busy.join();
		}
	}

	@Test
	void a_stack_that_goes_quiet_is_waited_for_three_quiet_seconds_after_it() throws InterruptedException {
		AtomicBoolean spinning = new AtomicBoolean(true);
		Thread busy = Thread.ofPlatform().start(() -> spin(spinning));
		Thread.ofPlatform().start(() -> {
			Loading.pause(1_500);
			spinning.set(false);
		});

		Duration waited = Settle.untilQuiet(this.thisJvm, Duration.ofSeconds(30));
		busy.join();

		assertThat(waited).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(15));
	}

	/** Kept, so that the spinning loop's work cannot be optimised away. */
	private static volatile long spun;

	private static void spin(AtomicBoolean spinning) {
		long sum = 0;
		while (spinning.get()) {
			sum += System.nanoTime() % 7;
		}
		spun = sum;
	}

}
