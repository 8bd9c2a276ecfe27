package cymru.noddfa.deploy;

import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import cymru.noddfa.testsupport.TestIdentity;
import cymru.noddfa.testsupport.TestInfrastructure;
import cymru.noddfa.testsupport.WithInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance 4: two instances each of the registry and the matcher, as
 * {@code docker compose up --scale} or a Deployment with two replicas runs them, against
 * one Kafka, PostgreSQL and Redis. Consumer groups share partitions, the outbox relays
 * publish every version once in order (any repeat is absorbed, since the matcher applies
 * by version), and holds stay exact whichever instance takes them.
 */
@WithInfrastructure(database = "registry")
class ScaleOutTest {

	private static final String STATE_TOPIC = "registry.provision-state.v1";

	private static final String REFERRAL_TOPIC = "matching.referral-events.v1";

	private static final String PROVIDER = "scale-out-provider";

	private static final double[] BRIDGEND = { 51.51, -3.59 };

	private static final TestIdentity identity = TestIdentity.shared();

	private static final List<URLClassLoader> loaders = new ArrayList<>();

	private static final List<ServiceInstance> instances = new java.util.concurrent.CopyOnWriteArrayList<>();

	private static TestInfrastructure infra;

	private static List<ServiceInstance> registries;

	private static List<ServiceInstance> matchers;

	@BeforeAll
	static void startTwoRegistriesAndTwoMatchers(TestInfrastructure infrastructure) throws Exception {
		infra = infrastructure;
		infra.createDatabase("matcher");
		// all four at once, as a rollout starts replicas: two migrations of one database
		// race too. Each instance has a class loader of its own, as each replica has its
		// own JVM: two Spring Boot applications starting at once in one class loader
		// share
		// (and race on) one logging system.
		try (ExecutorService starting = Executors.newFixedThreadPool(4)) {
			Future<ServiceInstance> registryA = starting
				.submit(() -> start("bed-registry", "registry-a", loader("bed-registry"), "registry"));
			Future<ServiceInstance> registryB = starting
				.submit(() -> start("bed-registry", "registry-b", loader("bed-registry"), "registry"));
			Future<ServiceInstance> matcherA = starting
				.submit(() -> start("placement-matcher", "matcher-a", loader("placement-matcher"), "matcher"));
			Future<ServiceInstance> matcherB = starting
				.submit(() -> start("placement-matcher", "matcher-b", loader("placement-matcher"), "matcher"));
			registries = List.of(registryA.get(), registryB.get());
			matchers = List.of(matcherA.get(), matcherB.get());
		}
	}

	@AfterAll
	static void stopThem() throws Exception {
		for (ServiceInstance instance : instances.reversed()) {
			instance.close();
		}
		for (URLClassLoader loader : loaders) {
			loader.close();
		}
	}

	@Test
	void the_instances_of_each_service_share_its_topics_partitions_in_one_consumer_group() {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers()))) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertSharedByBothInstances(admin, "placement-matcher", STATE_TOPIC, "matcher-a", "matcher-b");
				assertSharedByBothInstances(admin, "bed-registry", REFERRAL_TOPIC, "registry-a", "registry-b");
			});
		}
	}

	@Test
	void concurrent_vacancy_updates_through_both_registries_have_one_winner_per_version_and_gapless_events()
			throws Exception {
		int rounds = 6;
		int writers = 8;
		List<String> provisions = List.of(create(0, 3), create(1, 3), create(0, 3));
		for (String provision : provisions) {
			for (int round = 0; round < rounds; round++) {
				String etag = Http.send("GET", registries.get(0).url() + "/v1/provisions/" + provision, admin(), null)
					.etag();
				List<Http.Response> answers = together(writers,
						(writer) -> () -> Http.send("PUT",
								registries.get(writer % 2).url() + "/v1/provisions/" + provision + "/vacancies/CRISIS",
								identity.provider(PROVIDER), "{\"total\": 3, \"available\": " + (writer % 4) + "}",
								"If-Match", etag));
				assertThat(answers).as("round %d on %s", round, provision)
					.extracting(Http.Response::status)
					.containsOnly(200, 412)
					.containsOnlyOnce(200);
			}
		}
		long finalVersion = 1 + rounds;
		Map<String, List<Long>> published = new HashMap<>();
		try (KafkaConsumer<String, String> consumer = stateReader()) {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (provisions.contains(record.key()) && record.value() != null) {
						published.computeIfAbsent(record.key(), (key) -> new ArrayList<>())
							.add(Http.parse(record.value()).get("version").asLong());
					}
				}
				assertThat(provisions)
					.allSatisfy((provision) -> assertThat(published.get(provision)).isNotNull().contains(finalVersion));
			});
		}
		for (String provision : provisions) {
			List<Long> versions = published.get(provision);
			assertThat(versions.stream().distinct().toList()).as("versions of %s as published", provision)
				.containsExactlyElementsOf(
						IntStream.rangeClosed(1, (int) finalVersion).mapToObj(Long::valueOf).toList());
			JsonNode truth = Http.send("GET", registries.get(1).url() + "/v1/provisions/" + provision, admin(), null)
				.json();
			assertThat(truth.get("version").asLong()).isEqualTo(finalVersion);
			for (ServiceInstance matcher : matchers) {
				await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					JsonNode seen = availability(matcher, provision);
					assertThat(seen.get("version").asLong()).as("%s in %s", provision, matcher).isEqualTo(finalVersion);
					assertThat(seen.at("/beds/0/available").asInt())
						.isEqualTo(truth.at("/vacancies/0/available").asInt());
					assertThat(seen.at("/beds/0/total").asInt()).isEqualTo(truth.at("/vacancies/0/total").asInt());
				});
			}
		}
	}

	@Test
	void a_hundred_holds_through_both_matchers_on_ten_beds_take_exactly_ten() throws Exception {
		List<String> provisions = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			provisions.add(create(i, 1));
		}
		for (String provision : provisions) {
			for (ServiceInstance matcher : matchers) {
				await().atMost(Duration.ofSeconds(30))
					.untilAsserted(() -> assertThat(availability(matcher, provision).at("/beds/0/free").asInt())
						.as("%s in %s", provision, matcher)
						.isEqualTo(1));
			}
		}
		int attempts = 100;
		List<Http.Response> created = together(attempts, (i) -> () -> Http
			.send("POST", matchers.get(i % 2).url() + "/v1/referrals", team(i), """
					{"reference": "CTM-%d", "regionCode": "CTM", "age": 14, "sex": "FEMALE", "needs": ["MH_CRISIS"],
					 "currentSetting": "A_AND_E", "location": {"lat": %s, "lon": %s}, "bedType": "CRISIS", "maxKm": 60}
					""".formatted(5000 + i, BRIDGEND[0], BRIDGEND[1])));
		assertThat(created).extracting(Http.Response::status).containsOnly(201);
		List<String> referrals = created.stream().map((referral) -> referral.json().get("id").asString()).toList();

		List<Integer> statuses = together(attempts, (i) -> () -> {
			int status = 0;
			// a team's client retries a 503 (every database connection busy, nothing
			// changed)
			for (int attempt = 0; attempt < 20 && (status == 0 || status == 503); attempt++) {
				status = Http
					.send("POST", matchers.get(i % 2).url() + "/v1/referrals/" + referrals.get(i) + "/holds", team(i),
							"{\"provisionId\": \"" + provisions.get(i % provisions.size()) + "\"}")
					.status();
			}
			return status;
		});

		Map<Integer, Long> counted = new TreeMap<>();
		statuses.forEach((status) -> counted.merge(status, 1L, Long::sum));
		assertThat(counted).containsOnlyKeys(201, 409).containsEntry(201, 10L);
		for (String provision : provisions) {
			assertThat(query("matcher", "select held from bed_ledger where provision_id = ? and bed_type = 'CRISIS'",
					provision))
				.isEqualTo(1);
			assertThat(query("matcher", "select count(*) from holds where provision_id = ? and status = 'ACTIVE'",
					provision))
				.isEqualTo(1);
			JsonNode truth = Http.send("GET", registries.get(0).url() + "/v1/provisions/" + provision, admin(), null)
				.json();
			for (ServiceInstance matcher : matchers) {
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					JsonNode seen = availability(matcher, provision);
					assertThat(seen.get("version").asLong()).isEqualTo(truth.get("version").asLong());
					assertThat(seen.at("/beds/0/available").asInt())
						.isEqualTo(truth.at("/vacancies/0/available").asInt());
					assertThat(seen.at("/beds/0/held").asInt()).as("%s in %s", provision, matcher).isEqualTo(1);
					assertThat(seen.at("/beds/0/free").asInt()).isZero();
				});
			}
		}
	}

	@Test
	void the_health_checks_of_the_image_and_of_compose_pass_against_a_running_instance_and_fail_without_one() {
		for (ServiceInstance instance : List.of(registries.get(0), matchers.get(1))) {
			ServiceModule module = ServiceModule.named(instance.service());
			for (List<String> check : List.of(HealthChecks.ofImage(module), HealthChecks.ofCompose(module.name()))) {
				Tools.run(module.dir(), HealthChecks.onPort(check, module.port(), instance.port()));
				assertThatThrownBy(() -> Tools.run(module.dir(), HealthChecks.onPort(check, module.port(), 1)))
					.as("the same check with nothing listening")
					.isInstanceOf(IllegalStateException.class);
			}
		}
	}

	private static void assertSharedByBothInstances(Admin admin, String group, String topic, String first,
			String second) throws Exception {
		ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
		Map<String, Set<Integer>> partitions = new LinkedHashMap<>();
		for (MemberDescription member : description.members()) {
			String instance = member.clientId().startsWith(first) ? first
					: member.clientId().startsWith(second) ? second : member.clientId();
			for (TopicPartition partition : member.assignment().topicPartitions()) {
				if (partition.topic().equals(topic)) {
					partitions.computeIfAbsent(instance, (key) -> new HashSet<>()).add(partition.partition());
				}
			}
		}
		assertThat(partitions).as("partitions of %s in group %s", topic, group).containsOnlyKeys(first, second);
		assertThat(partitions.get(first)).doesNotContainAnyElementsOf(partitions.get(second)).isNotEmpty();
		Set<Integer> all = new HashSet<>(partitions.get(first));
		all.addAll(partitions.get(second));
		assertThat(all).containsExactlyInAnyOrder(0, 1, 2);
	}

	/**
	 * A new provision with one kind of bed, created by an administrator; answers its id.
	 */
	private static String create(int registry, int beds) {
		String id = "scale-" + UUID.randomUUID().toString().substring(0, 8);
		Http.Response created = Http.send("POST", registries.get(registry % 2).url() + "/v1/provisions", admin(), """
				{"id": "%s", "providerId": "%s", "name": "Scale-out Crisis Unit", "kind": "CRISIS_UNIT",
				 "regionCode": "CTM", "localAuthority": "Bridgend", "location": {"lat": %s, "lon": %s},
				 "ageRange": {"min": 11, "max": 17}, "needsMet": ["MH_CRISIS", "SELF_HARM"],
				 "vacancies": [{"bedType": "CRISIS", "total": %d, "available": %d}]}
				""".formatted(id, PROVIDER, BRIDGEND[0], BRIDGEND[1], beds, beds));
		assertThat(created.status()).as("creating %s: %s", id, created).isEqualTo(201);
		return id;
	}

	private static JsonNode availability(ServiceInstance matcher, String provision) {
		Http.Response answer = Http.send("GET", matcher.url() + "/v1/availability/" + provision,
				identity.crisisTeam("CTM"), null);
		assertThat(answer.status()).as("availability of %s in %s: %s", provision, matcher, answer).isEqualTo(200);
		return answer.json();
	}

	private static String admin() {
		return identity.admin();
	}

	/**
	 * A crisis team of its own for each referral, so no team reaches its cap of holds.
	 */
	private static String team(int i) {
		return identity.token(TestIdentity.Caller.crisisTeam("CTM").as("test:crisis-team:CTM:scale-" + i));
	}

	private static <T> List<T> together(int count, java.util.function.IntFunction<Callable<T>> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				Callable<T> call = task.apply(i);
				futures.add(executor.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
		}
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get());
		}
		return results;
	}

	private static KafkaConsumer<String, String> stateReader() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "scale-out-test-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer());
		consumer.subscribe(List.of(STATE_TOPIC));
		return consumer;
	}

	private static int query(String database, String sql, String parameter) throws SQLException {
		try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(database), infra.jdbcUsername(),
				infra.jdbcPassword()); PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1);
			}
		}
	}

	private static synchronized URLClassLoader loader(String service) {
		URLClassLoader loader = ExtractedService.of(ServiceModule.named(service)).newClassLoader();
		loaders.add(loader);
		return loader;
	}

	private static ServiceInstance start(String service, String instance, ClassLoader loader, String database) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("spring.datasource.url", infra.jdbcUrl(database));
		settings.put("spring.datasource.username", infra.jdbcUsername());
		settings.put("spring.datasource.password", infra.jdbcPassword());
		settings.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
		// names the instance's consumers, so the group's members can be told apart
		settings.put("spring.kafka.client-id", instance);
		settings.put("spring.data.redis.host", infra.redisHost());
		settings.put("spring.data.redis.port", String.valueOf(infra.redisPort()));
		settings.putAll(identity.properties());
		ServiceInstance started = ServiceInstance.start(instance, loader, ServiceModule.named(service), settings);
		instances.add(started);
		return started;
	}

}
