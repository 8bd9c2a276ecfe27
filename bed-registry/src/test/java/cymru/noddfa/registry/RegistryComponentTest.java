package cymru.noddfa.registry;

import java.util.UUID;

import cymru.noddfa.testsupport.TestIdentity;
import cymru.noddfa.testsupport.WithInfrastructure;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry as a running service on real PostgreSQL and Kafka, trusting the test
 * issuer's real tokens. Every component test extends this, so they all share one Spring
 * context; each keeps to its own ids.
 */
@WithInfrastructure(database = "registry")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "noddfa.outbox.send-timeout=3s", "noddfa.registry.consumer.retry-interval=100ms",
				"noddfa.registry.consumer.retries=2", "noddfa.registry.consumer.outage-max-interval=2s" })
public abstract class RegistryComponentTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected static final TestIdentity identity = TestIdentity.shared();

	/**
	 * Calls as an admin, who may do everything here; tests about access pick their
	 * caller.
	 */
	protected Api api;

	@BeforeEach
	void connect() {
		this.api = new Api(this.port).as(identity.admin());
	}

	/** Calls with this bearer token. */
	protected Api as(String token) {
		return this.api.as(token);
	}

	/** An id no other test uses. */
	protected static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A valid provision body near Bridgend with one free CRISIS bed of three. */
	protected static String provision(String id, String providerId) {
		return """
				{"id": "%s", "providerId": "%s", "name": "Test Crisis Unit", "kind": "CRISIS_UNIT",
				 "regionCode": "CTM", "localAuthority": "Bridgend", "location": {"lat": 51.51, "lon": -3.59},
				 "ageRange": {"min": 11, "max": 17}, "needsMet": ["MH_CRISIS", "SELF_HARM"],
				 "vacancies": [{"bedType": "CRISIS", "total": 3, "available": 1}]}
				""".formatted(id, providerId);
	}

	protected Api.Response create(String id) {
		Api.Response response = this.api.post("/v1/provisions", provision(id, "test-provider"));
		if (response.status() != 201) {
			throw new IllegalStateException("could not create " + id + ": " + response);
		}
		return response;
	}

}
