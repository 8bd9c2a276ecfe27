package cymru.noddfa.outbox;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

/**
 * A bean whose work runs on a {@link WorkerLoop}: the loop starts with the application
 * context and stops, after the round under way, before the context closes.
 */
public interface RunsOnWorkerLoop extends SmartLifecycle {

	WorkerLoop loop();

	@Override
	default void start() {
		loop().start();
	}

	@Override
	default void stop() {
		loop().stop(Duration.ofSeconds(15));
	}

	@Override
	default boolean isRunning() {
		return loop().isRunning();
	}

}
