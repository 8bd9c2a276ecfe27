package cymru.noddfa.matcher.referral;

import java.util.function.Supplier;

/**
 * One database transaction around a step of a referral's life: the change, its event in
 * the outbox and its audit row commit together or not at all. A conflict thrown inside
 * rolls everything back. Spring's transaction template stands behind it
 * ({@link ReferralConfiguration}), so the use cases stay plain Java.
 */
interface Transactions {

	<T> T inOne(Supplier<T> work);

	default void inOne(Runnable work) {
		inOne(() -> {
			work.run();
			return null;
		});
	}

}
