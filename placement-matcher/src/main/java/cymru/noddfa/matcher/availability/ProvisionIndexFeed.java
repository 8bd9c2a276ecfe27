package cymru.noddfa.matcher.availability;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;

/**
 * Feeds this instance's {@link ProvisionIndex} from every partition of the
 * provision-state topic, from its beginning at start: each matcher instance answers
 * searches over every provision, whichever instance's share of the consumer group folds
 * it into the ledger. It reads without a consumer group and commits nothing, so it never
 * takes partitions from the ledger's consumers. The index is built once it has read up to
 * the end offsets the topic had at start; until then searches answer 503.
 * <p>
 * A record the matcher can never apply ({@link ProvisionStateListener#read}) is skipped
 * here; the ledger's consumer dead-letters it. New partitions are picked up within
 * {@code partitionCheck}.
 */
@RequiredArgsConstructor
@Slf4j
class ProvisionIndexFeed implements SmartLifecycle {

	private static final Duration POLL = Duration.ofMillis(500);

	private final ProvisionIndex index;

	private final JsonMapper json;

	private final Map<String, Object> consumerProperties;

	private final String topic;

	private final Duration partitionCheck;

	private volatile KafkaConsumer<String, String> consumer;

	private volatile Thread thread;

	@Override
	public void start() {
		Map<String, Object> properties = new HashMap<>(this.consumerProperties);
		properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "placement-matcher-index-" + UUID.randomUUID());
		// a record must reach searches as soon as it is on the topic, whatever the wait:
		// with fetch.min.bytes at 1 the broker answers a fetch the moment a record lands,
		// so the wait only bounds a fetch that finds nothing. At 20 ms an idle matcher
		// asked the broker fifty times a second for nothing, most of the idle CPU of both
		properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
		properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
		this.consumer = new KafkaConsumer<>(properties);
		this.thread = Thread.ofPlatform().name("provision-index-feed").daemon().start(this::run);
	}

	@Override
	public void stop() {
		KafkaConsumer<String, String> running = this.consumer;
		if (running != null) {
			running.wakeup();
		}
		Thread feeding = this.thread;
		if (feeding != null) {
			try {
				feeding.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.thread = null;
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private void run() {
		Map<TopicPartition, Long> buildTo = null;
		long nextPartitionCheck = 0;
		try (KafkaConsumer<String, String> kafka = this.consumer) {
			while (true) {
				try {
					if (System.nanoTime() - nextPartitionCheck >= 0) {
						Set<TopicPartition> added = assignEveryPartition(kafka);
						if (buildTo == null && !this.index.isBuilt()) {
							buildTo = new HashMap<>(kafka.endOffsets(kafka.assignment()));
						}
						if (!added.isEmpty()) {
							log.info("Search index reads {} from its beginning", added);
						}
						nextPartitionCheck = System.nanoTime() + this.partitionCheck.toNanos();
					}
					if (kafka.assignment().isEmpty()) {
						// no topic yet: nothing to build from until it is created
						this.index.markBuilt();
						buildTo = null;
						nextPartitionCheck = System.nanoTime();
						pause();
						continue;
					}
					ConsumerRecords<String, String> records = kafka.poll(POLL);
					for (ConsumerRecord<String, String> record : records) {
						apply(record);
					}
					if (buildTo != null && caughtUp(kafka, buildTo)) {
						this.index.markBuilt();
						log.info("Search index built: {} provisions", this.index.size());
						buildTo = null;
					}
				}
				catch (WakeupException ex) {
					return;
				}
				catch (RuntimeException ex) {
					log.warn("Search index feed failed; trying again in a second: {}", ex.toString());
					pause();
				}
			}
		}
	}

	/**
	 * Assigns partitions not yet assigned, from their beginning; answers the new ones.
	 */
	private Set<TopicPartition> assignEveryPartition(KafkaConsumer<String, String> kafka) {
		Set<TopicPartition> all = new HashSet<>();
		kafka.partitionsFor(this.topic).forEach((p) -> all.add(new TopicPartition(p.topic(), p.partition())));
		Set<TopicPartition> added = new HashSet<>(all);
		added.removeAll(kafka.assignment());
		if (!added.isEmpty()) {
			kafka.assign(all);
			kafka.seekToBeginning(added);
		}
		return added;
	}

	private static boolean caughtUp(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> buildTo) {
		for (Map.Entry<TopicPartition, Long> end : buildTo.entrySet()) {
			if (kafka.position(end.getKey()) < end.getValue()) {
				return false;
			}
		}
		return true;
	}

	private void apply(ConsumerRecord<String, String> record) {
		if (record.value() == null) {
			this.index.remove(record.key());
			return;
		}
		try {
			this.index.put(ProvisionStateListener.read(this.json, record.key(), record.value()));
		}
		catch (RuntimeException ex) {
			log.debug("Search index skips {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.toString());
		}
	}

	private static void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
