package cymru.noddfa.kit.events;

/**
 * A Kafka record that can never be processed, however often it is retried: it goes
 * straight to the dead-letter topic.
 */
public class UnreadableEvent extends RuntimeException {

	public UnreadableEvent(String message, Throwable cause) {
		super(message, cause);
	}

}
