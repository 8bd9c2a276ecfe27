package cymru.noddfa.matcher.availability;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the Redis read model from the compacted topic alone (the latest state of every
 * provision) and the bed ledger (holds and placements), then marks it ready. Safe to run
 * while the listener keeps folding: every write is version- or revision-guarded.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
@Slf4j
public class ReadModelLoader {

	private final KafkaProperties kafka;

	private final ReadModelProperties properties;

	private final JsonMapper json;

	private final ProvisionMirror mirror;

	private final BedLedgerRepository ledger;

	private final AtomicBoolean running = new AtomicBoolean();

	public boolean isRunning() {
		return this.running.get();
	}

	/** Starts a rebuild on its own thread unless one is already running here. */
	public boolean rebuildInBackground() {
		if (!this.running.compareAndSet(false, true)) {
			return false;
		}
		Thread.ofVirtual().name("read-model-rebuild").start(() -> {
			try {
				rebuild();
			}
			catch (RuntimeException ex) {
				log.warn("Read model rebuild failed ({}); it is retried at the next check", ex.getMessage());
			}
			finally {
				this.running.set(false);
			}
		});
		return true;
	}

	private void rebuild() {
		long started = System.nanoTime();
		Map<String, String> latest = replay();
		List<ProvisionState> states = new java.util.ArrayList<>();
		int unusable = 0;
		for (Map.Entry<String, String> entry : latest.entrySet()) {
			if (entry.getValue() == null) {
				continue;
			}
			try {
				states.add(ProvisionStateListener.read(this.json, entry.getKey(), entry.getValue()));
			}
			catch (JacksonException | UnusableProvisionState ex) {
				// dead-lettered by the listener; it must not stop the rest
				unusable++;
			}
		}
		// the compacted topic names each provision's provider, and its whole state: rows
		// folded before the ledger recorded either learn them here
		for (int i = 0; i < states.size(); i += 500) {
			List<ProvisionState> chunk = states.subList(i, Math.min(states.size(), i + 500));
			this.mirror.writeStates(chunk);
			this.ledger.recordProviders(chunk);
			this.ledger.recordStates(chunk);
		}
		latest.forEach((id, value) -> {
			if (value == null) {
				this.mirror.remove(id);
			}
		});
		List<LedgerRow> rows = this.ledger.all();
		for (int i = 0; i < rows.size(); i += 500) {
			this.mirror.mirror(rows.subList(i, Math.min(rows.size(), i + 500)));
		}
		this.mirror.markReady();
		log.info(
				"Read model rebuilt from {} provisions and {} ledger rows in {} ms ({} records that can never be "
						+ "applied skipped); searches are served again",
				states.size(), rows.size(), (System.nanoTime() - started) / 1_000_000, unusable);
	}

	/** The last value of every key, read from the beginning to the current end. */
	private Map<String, String> replay() {
		Map<String, Object> config = new HashMap<>(this.kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		Map<String, String> latest = new LinkedHashMap<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			List<PartitionInfo> partitions = consumer.partitionsFor(this.properties.topic(), Duration.ofSeconds(10));
			if (partitions == null || partitions.isEmpty()) {
				return latest;
			}
			List<TopicPartition> assigned = partitions.stream()
				.map((p) -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			consumer.assign(assigned);
			consumer.seekToBeginning(assigned);
			Map<TopicPartition, Long> end = consumer.endOffsets(assigned, Duration.ofSeconds(10));
			Set<TopicPartition> pending = new java.util.HashSet<>(assigned);
			pending.removeIf((tp) -> consumer.position(tp, Duration.ofSeconds(10)) >= end.get(tp));
			while (!pending.isEmpty()) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					String current = latest.get(record.key());
					if (record.value() == null || current == null || newer(record.value(), current)) {
						latest.put(record.key(), record.value());
					}
				}
				pending.removeIf((tp) -> consumer.position(tp, Duration.ofSeconds(10)) >= end.get(tp));
			}
		}
		return latest;
	}

	private boolean newer(String candidate, String current) {
		return version(candidate) >= version(current);
	}

	/** A value that is not JSON counts as version 0: any readable one wins over it. */
	private long version(String value) {
		try {
			return this.json.readTree(value).path("version").asLong();
		}
		catch (JacksonException ex) {
			return 0;
		}
	}

}
