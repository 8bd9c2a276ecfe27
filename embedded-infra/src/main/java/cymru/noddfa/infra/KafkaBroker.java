package cymru.noddfa.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft combined mode (broker and controller in
 * one), running inside this JVM: the same server classes {@code kafka-server-start.sh}
 * runs. The log directory is formatted once and kept, so a stop and start (or a restart
 * of the local stack) keeps every topic and offset, and the broker comes back on the same
 * port.
 */
public final class KafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private final Path logDir;

	private final int port;

	private final int controllerPort;

	private KafkaRaftServer server;

	public KafkaBroker(Path logDir, int port, int controllerPort) {
		this.logDir = logDir;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	public int port() {
		return this.port;
	}

	public int controllerPort() {
		return this.controllerPort;
	}

	public synchronized boolean isRunning() {
		return this.server != null;
	}

	public synchronized KafkaBroker start() {
		if (this.server != null) {
			return this;
		}
		KafkaConfig config = KafkaConfig.fromProps(properties());
		formatOnce(config);
		KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
		raftServer.startup();
		this.server = raftServer;
		log.info("Kafka broker listening on {} (data in {})", bootstrapServers(), this.logDir);
		return this;
	}

	public synchronized void stop() {
		if (this.server == null) {
			return;
		}
		this.server.shutdown();
		this.server.awaitShutdown();
		this.server = null;
		log.info("Kafka broker on {} stopped", bootstrapServers());
	}

	@Override
	public void close() {
		stop();
	}

	private Properties properties() {
		Properties props = new Properties();
		props.put("process.roles", "broker,controller");
		props.put("node.id", "1");
		props.put("controller.quorum.voters", "1@127.0.0.1:" + this.controllerPort);
		props.put("listeners", "PLAINTEXT://127.0.0.1:" + this.port + ",CONTROLLER://127.0.0.1:" + this.controllerPort);
		props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + this.port);
		props.put("controller.listener.names", "CONTROLLER");
		props.put("inter.broker.listener.name", "PLAINTEXT");
		props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		props.put("log.dirs", this.logDir.toString());
		props.put("num.partitions", "3");
		props.put("auto.create.topics.enable", "true");
		props.put("offsets.topic.replication.factor", "1");
		props.put("offsets.topic.num.partitions", "5");
		props.put("transaction.state.log.replication.factor", "1");
		props.put("transaction.state.log.min.isr", "1");
		props.put("transaction.state.log.num.partitions", "5");
		props.put("share.coordinator.state.topic.replication.factor", "1");
		props.put("share.coordinator.state.topic.min.isr", "1");
		props.put("group.initial.rebalance.delay.ms", "0");
		props.put("log.cleaner.dedupe.buffer.size", "2097152");
		// no fsync per append (Kafka's default): a flush per message put a disk sync
		// inside every acknowledgement the outbox relay waits for; a clean stop still
		// flushes, and production's durability comes from three replicas with acks=all
		// and min.insync.replicas=2 (docs/architecture.md, Latency and durability)
		return props;
	}

	private void formatOnce(KafkaConfig config) {
		try {
			Files.createDirectories(this.logDir);
			if (Files.exists(this.logDir.resolve("meta.properties"))) {
				return;
			}
			new Formatter().setNodeId(config.nodeId())
				.setClusterId(Uuid.randomUuid().toString())
				.setControllerListenerName("CONTROLLER")
				.setMetadataLogDirectory(config.metadataLogDir())
				.addDirectory(this.logDir.toString())
				.setIgnoreFormatted(true)
				.setPrintStream(System.out)
				.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not format Kafka log directory " + this.logDir, ex);
		}
	}

}
