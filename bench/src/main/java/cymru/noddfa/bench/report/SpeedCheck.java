package cymru.noddfa.bench.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fixed piece of work timed on one core: sorting the same four million pseudo-random
 * longs, the best of five after three untimed passes (so that the sort is compiled). On
 * the same host it takes the same time, so a run made while the host gave less (a busy
 * neighbour, a lower clock) can be told apart from a change in the code: national runs of
 * one commit on this kind of machine have used half as much CPU again at one hour as at
 * another.
 */
public final class SpeedCheck {

	/** What the check does, for the report. */
	public static final String WORK = "sorting the same 4 million pseudo-random longs on one core, best of 5";

	private static final int VALUES = 4_000_000;

	private static final long SEED = 20261204L;

	/** Where each sort's result goes, so that no sort can be found unused and dropped. */
	private static volatile long sink;

	private SpeedCheck() {
	}

	/** Milliseconds for the work; lower is faster. */
	public static double millis() {
		long[] values = new SplittableRandom(SEED).longs(VALUES).toArray();
		for (int i = 0; i < 3; i++) {
			sink = sorted(values);
		}
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			long began = System.nanoTime();
			sink = sorted(values);
			best = Math.min(best, System.nanoTime() - began);
		}
		return best / 1e6;
	}

	private static long sorted(long[] values) {
		long[] copy = values.clone();
		Arrays.sort(copy);
		return copy[copy.length / 2];
	}

}
