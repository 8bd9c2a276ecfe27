package cymru.noddfa.kit.events;

/**
 * Consumer properties for a listener that keeps a copy nobody waits on to the millisecond
 * (a panel's list of provisions, the reminders' view of vacancies). By default a
 * consumer's fetch returns as soon as one record arrives, so every vacancy change woke
 * each such consumer, and the broker, for one record. Waiting for 64 KB or a quarter of a
 * second, whichever comes first, lets a busy topic arrive in batches and costs a quiet
 * one at most 250 ms.
 * <p>
 * Use as {@code @KafkaListener(properties = { UnhurriedFetch.MIN_BYTES,
 * UnhurriedFetch.MAX_WAIT })}. Never on a path a person waits for (alerts, searches).
 */
public final class UnhurriedFetch {

	public static final String MIN_BYTES = "fetch.min.bytes=65536";

	public static final String MAX_WAIT = "fetch.max.wait.ms=250";

	private UnhurriedFetch() {
	}

}
