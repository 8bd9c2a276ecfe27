package cymru.noddfa.matcher;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import cymru.noddfa.matcher.search.LocationGrid;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes provision states as the registry does, on the real topic, so tests drive the
 * matcher through its real consumer.
 */
public final class ProvisionStates implements AutoCloseable {

	public static final String TOPIC = "registry.provision-state.v1";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final KafkaProducer<String, String> producer = new KafkaProducer<>(
			Map.of("bootstrap.servers", System.getProperty("spring.kafka.bootstrap-servers"), "acks", "all"),
			new StringSerializer(), new StringSerializer());

	/**
	 * A point in the southern oceans, thousands of km from Wales and from other tests, on
	 * the matcher's location grid, so that distances from a child there are what the test
	 * expects.
	 */
	public static double[] somewhereApart() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new double[] { LocationGrid.lat(-50 + random.nextDouble() * 45),
				LocationGrid.lon(-170 + random.nextDouble() * 150) };
	}

	public static String uniqueId(String stem) {
		return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	public void publish(Provision provision) {
		send(provision.id, json.writeValueAsString(provision.toMap()));
	}

	/**
	 * Sends the states one after another to one partition without waiting between them,
	 * so that the matcher usually reads them in one poll, in this order.
	 */
	public void publishTogether(int partition, Provision... provisions) {
		List<Future<?>> sent = new ArrayList<>();
		for (Provision provision : provisions) {
			ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, partition, provision.id,
					json.writeValueAsString(provision.toMap()));
			record.headers()
				.add("ce_type", "cymru.noddfa.registry.ProvisionStateChanged.v1".getBytes(StandardCharsets.UTF_8));
			sent.add(this.producer.send(record));
		}
		for (Future<?> future : sent) {
			try {
				future.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	public void delete(String provisionId) {
		send(provisionId, null);
	}

	private void send(String key, String value) {
		ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, value);
		record.headers()
			.add("ce_type", "cymru.noddfa.registry.ProvisionStateChanged.v1".getBytes(StandardCharsets.UTF_8));
		try {
			this.producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.producer.close();
	}

	public static Provision provision(String id) {
		return new Provision(id);
	}

	/** A provision state with sensible defaults: open, 24/7, ages 11–17, any sex. */
	public static final class Provision {

		final String id;

		public long version = 1;

		public String name;

		public String providerId = "test-provider";

		public String kind = "CRISIS_UNIT";

		public String regionCode = "CTM";

		public double lat;

		public double lon;

		public int minAge = 11;

		public int maxAge = 17;

		public String accepts = "ANY";

		public List<String> needsMet = new ArrayList<>(List.of("MH_CRISIS", "SELF_HARM"));

		public List<String> exclusions = new ArrayList<>();

		public boolean always = true;

		public List<Map<String, String>> windows = new ArrayList<>();

		public String status = "OPEN";

		public int stalenessWindowHours = 12;

		public Map<String, int[]> beds = new LinkedHashMap<>();

		public Instant confirmedAt = Instant.now();

		public String onCallPhone;

		Provision(String id) {
			this.id = id;
			this.name = "Provision " + id;
			this.beds.put("CRISIS", new int[] { 2, 1 });
		}

		public String id() {
			return this.id;
		}

		public Provision at(double lat, double lon) {
			this.lat = lat;
			this.lon = lon;
			return this;
		}

		public Provision at(double[] point) {
			return at(point[0], point[1]);
		}

		public Provision provider(String providerId) {
			this.providerId = providerId;
			return this;
		}

		public Provision region(String regionCode) {
			this.regionCode = regionCode;
			return this;
		}

		public Provision onCallPhone(String onCallPhone) {
			this.onCallPhone = onCallPhone;
			return this;
		}

		public Provision version(long version) {
			this.version = version;
			return this;
		}

		public Provision beds(String bedType, int total, int available) {
			this.beds.put(bedType, new int[] { total, available });
			return this;
		}

		public Provision onlyBeds(String bedType, int total, int available) {
			this.beds.clear();
			return beds(bedType, total, available);
		}

		public Provision needs(String... needs) {
			this.needsMet = new ArrayList<>(List.of(needs));
			return this;
		}

		public Provision window(String from, String to) {
			this.always = false;
			this.windows.add(Map.of("from", from, "to", to));
			return this;
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("provisionId", this.id);
			map.put("version", this.version);
			map.put("providerId", this.providerId);
			map.put("name", this.name);
			map.put("kind", this.kind);
			map.put("regionCode", this.regionCode);
			map.put("localAuthority", "Somewhere");
			map.put("location", Map.of("lat", this.lat, "lon", this.lon));
			map.put("postcode", null);
			map.put("ageRange", Map.of("min", this.minAge, "max", this.maxAge));
			map.put("accepts", this.accepts);
			map.put("needsMet", this.needsMet);
			map.put("exclusions", this.exclusions);
			map.put("admissions", Map.of("always", this.always, "windows", this.windows));
			map.put("regulatorReference", null);
			map.put("onCallPhone", this.onCallPhone);
			map.put("status", this.status);
			map.put("statusReason", null);
			map.put("stalenessWindowHours", this.stalenessWindowHours);
			List<Map<String, Object>> vacancies = new ArrayList<>();
			this.beds.forEach((type, figures) -> {
				Map<String, Object> vacancy = new LinkedHashMap<>();
				vacancy.put("bedType", type);
				vacancy.put("total", figures[0]);
				vacancy.put("available", figures[1]);
				vacancy.put("confirmedAt", (this.confirmedAt != null) ? this.confirmedAt.toString() : null);
				vacancy.put("updatedAt", Instant.now().toString());
				vacancies.add(vacancy);
			});
			map.put("vacancies", vacancies);
			map.put("updatedAt", Instant.now().toString());
			return map;
		}

	}

}
