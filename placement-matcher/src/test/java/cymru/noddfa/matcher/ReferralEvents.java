package cymru.noddfa.matcher;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code matching.referral-events.v1} from the real broker, as a consumer would.
 */
public final class ReferralEvents implements AutoCloseable {

	public static final String TOPIC = "matching.referral-events.v1";

	private final KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
			Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"), "group.id",
					"test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
			new StringDeserializer(), new StringDeserializer());

	private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();

	public ReferralEvents() {
		this.consumer.subscribe(List.of(TOPIC));
	}

	/**
	 * Waits until the referral has at least {@code count} events, and returns them all.
	 */
	public List<ConsumerRecord<String, String>> await(String referralId, int count) {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
			this.consumer.poll(Duration.ofMillis(200)).forEach(this.seen::add);
			return of(referralId).size() >= count;
		});
		return of(referralId);
	}

	/** The events of one referral seen so far, after reading what is there now. */
	public List<ConsumerRecord<String, String>> now(String referralId) {
		this.consumer.poll(Duration.ofMillis(500)).forEach(this.seen::add);
		return of(referralId);
	}

	public List<String> types(String referralId) {
		return of(referralId).stream().map((r) -> header(r, "ce_type")).toList();
	}

	private List<ConsumerRecord<String, String>> of(String referralId) {
		return this.seen.stream().filter((r) -> referralId.equals(r.key())).toList();
	}

	public static String header(ConsumerRecord<String, String> record, String name) {
		return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
