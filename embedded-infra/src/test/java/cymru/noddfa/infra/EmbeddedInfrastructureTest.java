package cymru.noddfa.infra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedInfrastructureTest {

	@TempDir
	static Path dataDir;

	static EmbeddedInfrastructure infra;

	@BeforeAll
	static void start() {
		infra = EmbeddedInfrastructure.start(dataDir, EmbeddedInfrastructure.Ports.any());
	}

	@AfterAll
	static void stop() {
		infra.close();
	}

	@Test
	void kafka_keeps_messages_across_a_broker_restart_on_the_same_port() throws Exception {
		String bootstrap = infra.kafka().bootstrapServers();
		send(bootstrap, "before-restart");
		infra.kafka().stop();
		infra.kafka().start();
		assertThat(infra.kafka().bootstrapServers()).isEqualTo(bootstrap);
		send(bootstrap, "after-restart");

		assertThat(readAll(bootstrap)).containsExactly("before-restart", "after-restart");
	}

	@Test
	void postgres_has_one_database_per_service_and_keeps_data_across_a_restart() throws Exception {
		String url = infra.postgres().jdbcUrl("registry");
		try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
			c.createStatement().execute("create table kept (v text)");
			c.createStatement().execute("insert into kept values ('still here')");
		}
		infra.postgres().stop();
		infra.postgres().start();
		try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD);
				ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
			assertThat(rs.next()).isTrue();
			assertThat(rs.getString(1)).isEqualTo("still here");
		}
		for (String database : EmbeddedInfrastructure.DATABASES) {
			try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl(database), PostgresServer.USER,
					PostgresServer.PASSWORD)) {
				assertThat(c.isValid(2)).isTrue();
			}
		}
	}

	@Test
	void redis_answers_geosearch() throws Exception {
		try (var socket = new java.net.Socket(infra.redis().host(), infra.redis().port())) {
			var out = socket.getOutputStream();
			var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream()));
			out.write("GEOADD g -3.59 51.51 bridgend\r\n".getBytes());
			assertThat(in.readLine()).isEqualTo(":1");
			out.write("GEOSEARCH g FROMLONLAT -3.57 51.50 BYRADIUS 10 km ASC\r\n".getBytes());
			assertThat(in.readLine()).isEqualTo("*1");
			in.readLine();
			assertThat(in.readLine()).isEqualTo("bridgend");
		}
	}

	private static void send(String bootstrap, String value) throws Exception {
		try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("infra-check", "k", value)).get();
		}
	}

	private static List<String> readAll(String bootstrap) {
		List<String> values = new ArrayList<>();
		try (var consumer = new KafkaConsumer<String, String>(
				Map.of("bootstrap.servers", bootstrap, "group.id", "infra-check", "auto.offset.reset", "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of("infra-check"));
			long deadline = System.currentTimeMillis() + 20_000;
			while (values.size() < 2 && System.currentTimeMillis() < deadline) {
				for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(500))) {
					values.add(rec.value());
				}
			}
		}
		return values;
	}

}
