package cymru.noddfa.kit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * UP while the Kafka cluster answers a metadata request within the timeout. It shows in
 * the health details and never in readiness ({@link ServiceDefaults}): a service whose
 * broker is gone still serves reads, and its writes wait in the outbox until the broker
 * returns, so taking it out of rotation would only turn a delay into an outage.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final Duration timeout;

	private final AdminClient admin;

	public KafkaHealthIndicator(Map<String, Object> adminProperties, Duration timeout) {
		super("Kafka health check failed");
		this.timeout = timeout;
		int millis = (int) timeout.toMillis();
		Map<String, Object> config = new java.util.HashMap<>(adminProperties);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "health");
		this.admin = AdminClient.create(config);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = this.admin
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
		String clusterId = cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		int brokers = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
