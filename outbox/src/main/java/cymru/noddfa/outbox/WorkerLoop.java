package cymru.noddfa.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One background thread that works through a queue kept in the database: it waits for a
 * wake-up or the poll interval, then runs rounds for as long as each comes back full
 * (more may be waiting), and after a failure pauses as long as its owner says before it
 * looks again. The outbox relay and the notification delivery loop both run on one.
 * <p>
 * A wake-up is the latency path (a commit that queued work); the poll catches everything
 * else (other instances' commits, retries that came due, work left by an outage).
 */
public final class WorkerLoop {

	private final String name;

	private final Duration pollInterval;

	private final int fullRound;

	private final IntSupplier round;

	private final Function<RuntimeException, Duration> pauseAfter;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private Thread worker;

	/**
	 * @param name the thread's name, as operators see it in a thread dump
	 * @param pollInterval the longest wait between two looks when nothing wakes the loop
	 * @param fullRound a round that handled this many items is followed at once by
	 * another
	 * @param round handles one batch and returns how many items it handled
	 * @param pauseAfter says (and logs) what went wrong, and returns how long to wait
	 * before the next look
	 */
	public WorkerLoop(String name, Duration pollInterval, int fullRound, IntSupplier round,
			Function<RuntimeException, Duration> pauseAfter) {
		this.name = name;
		this.pollInterval = pollInterval;
		this.fullRound = fullRound;
		this.round = round;
		this.pauseAfter = pauseAfter;
	}

	/** Asks the loop to look now rather than at its next poll. */
	public void wakeUp() {
		this.wakeUps.release();
	}

	/**
	 * Wakes the loop once the current transaction has committed (at once when there is
	 * none): work queued by a transaction is visible to the loop only after its commit.
	 */
	public void wakeUpAfterCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			wakeUp();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				wakeUp();
			}
		});
	}

	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		this.worker = Thread.ofPlatform().name(this.name).daemon(true).start(this::run);
	}

	/** Stops the loop, waiting up to {@code grace} for the round under way to finish. */
	public synchronized void stop(Duration grace) {
		this.running = false;
		if (this.worker == null) {
			return;
		}
		this.worker.interrupt();
		try {
			this.worker.join(grace);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		while (this.running) {
			try {
				this.wakeUps.tryAcquire(this.pollInterval.toMillis(), TimeUnit.MILLISECONDS);
				this.wakeUps.drainPermits();
				while (this.running && this.round.getAsInt() >= this.fullRound) {
					// a full round means more may be waiting: keep going without waiting
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (!pause(this.pauseAfter.apply(ex))) {
					return;
				}
			}
		}
	}

	private static boolean pause(Duration duration) {
		try {
			Thread.sleep(duration);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
