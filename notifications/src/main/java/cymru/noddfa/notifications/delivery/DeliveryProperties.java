package cymru.noddfa.notifications.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often the scheduler looks for due attempts when nothing woke it
 * @param batchSize attempts claimed at once
 * @param maxAttempts attempts at a webhook before its delivery is dead-lettered
 * @param fallThroughAfter failed attempts on one of a person's channels before the next
 * channel is tried; after the last channel the alert is dead-lettered
 * @param initialBackoff wait after the first failure; it doubles with each failure
 * @param maxBackoff the longest wait between two attempts
 * @param lease how long a claimed attempt is reserved for the instance that claimed it;
 * longer than any send may take, so a crashed instance's attempts are retried after it
 */
@ConfigurationProperties("noddfa.notifications.delivery")
public record DeliveryProperties(@DefaultValue("500ms") Duration pollInterval, @DefaultValue("50") int batchSize,
		@DefaultValue("12") int maxAttempts, @DefaultValue("3") int fallThroughAfter,
		@DefaultValue("1s") Duration initialBackoff, @DefaultValue("5m") Duration maxBackoff,
		@DefaultValue("60s") Duration lease) {

	RetryPolicy retryPolicy() {
		return new RetryPolicy(this.maxAttempts, this.initialBackoff, this.maxBackoff);
	}

}
