package cymru.noddfa.kit.events;

import java.util.List;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A batch listener's records handled in one transaction: a burst of changes costs one
 * commit (one flush of PostgreSQL's log) rather than one per record.
 * <p>
 * When the batch fails, its records are handled again one at a time, each in a
 * transaction of its own, so that those before the record at fault stay handled and the
 * error handler is told which record that is ({@link BatchListenerFailedException}): it
 * retries or dead-letters that one alone, as it would for a record listener. The handler
 * must therefore be idempotent, as every consumer here is: the records the failed batch
 * had handled are handled again.
 */
public final class OneTransactionPerPoll {

	private OneTransactionPerPoll() {
	}

	public static <K, V> void handle(TransactionTemplate transactions, List<ConsumerRecord<K, V>> records,
			Consumer<ConsumerRecord<K, V>> handler) {
		if (records.isEmpty()) {
			return;
		}
		try {
			transactions.executeWithoutResult((status) -> records.forEach(handler));
		}
		catch (RuntimeException batch) {
			for (int i = 0; i < records.size(); i++) {
				ConsumerRecord<K, V> record = records.get(i);
				try {
					transactions.executeWithoutResult((status) -> handler.accept(record));
				}
				catch (RuntimeException single) {
					throw new BatchListenerFailedException("Record not handled", single, i);
				}
			}
		}
	}

}
