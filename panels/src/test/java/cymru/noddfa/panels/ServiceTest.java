package cymru.noddfa.panels;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cymru.noddfa.testsupport.MovableClock;
import cymru.noddfa.testsupport.TestIdentity;
import cymru.noddfa.testsupport.WithInfrastructure;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The service against the real Kafka and PostgreSQL, with a clock a test may move
 * forward. Every test class that extends it shares one Spring context; each test makes
 * its own referrals, so no test sees another's.
 */
@WithInfrastructure(database = "panels")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "noddfa.outbox.poll-interval=100ms", "noddfa.panels.funding.check-interval=1h" })
@Import(ServiceTest.MovableClockConfiguration.class)
public abstract class ServiceTest {

	/** The issuer every test token comes from; the service trusts it. */
	protected static final TestIdentity identity = TestIdentity.shared();

	protected static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected Clock clock;

	/** Puts the clock back after a test that moved it. */
	@AfterEach
	void clockBack() {
		((MovableClock) this.clock).reset();
	}

	/** Moves the service's clock forward by this much from now. */
	protected void moveClock(Duration by) {
		((MovableClock) this.clock).move(by);
	}

	/** A client that sends this bearer token with every call. */
	protected RestTestClient as(String token) {
		return RestTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultHeader("Authorization", "Bearer " + token)
			.build();
	}

	/** A referral made an hour ago and escalated now; returns its id. */
	protected static String escalatedReferral(String region) {
		String referral = UUID.randomUUID().toString();
		Instant now = Instant.now();
		ReferralEvents.publish(List.of(
				ReferralEvents.event(UUID.randomUUID(), "ReferralCreated", referral, 1, now.minusSeconds(3600), region,
						Map.of("bedType", "ASSESSMENT", "needs", List.of("MH_CRISIS"))),
				ReferralEvents.event(UUID.randomUUID(), "ReferralEscalated", referral, 2, now, region,
						Map.of("outOfRegionOptions", List.of()))));
		return referral;
	}

	/** The case the referral's events opened, once the service has consumed them. */
	protected String awaitCase(String referralId) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from panel_cases where referral_id = ?::uuid")
				.param(referralId)
				.query(Integer.class)
				.single() == 1);
		return this.jdbc.sql("select id::text from panel_cases where referral_id = ?::uuid")
			.param(referralId)
			.query(String.class)
			.single();
	}

	/** Waits until the service has stored this many of the referral's events. */
	protected void awaitEvents(String referralId, int count) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select count(*) from referral_events where referral_id = ?::uuid")
				.param(referralId)
				.query(Integer.class)
				.single() >= count);
	}

	protected JsonNode caseAs(String token, String caseId) {
		return json.readTree(as(token).get()
			.uri("/v1/cases/{id}", caseId)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody());
	}

	/** Records a decision as the region's panel; returns the answer's body. */
	protected JsonNode decide(String region, String caseId, String body) {
		return json.readTree(as(identity.panel(region)).post()
			.uri("/v1/cases/{id}/decisions", caseId)
			.header("Content-Type", "application/json")
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(String.class)
			.getResponseBody());
	}

	protected List<Map<String, Object>> outboxOf(String caseId, String type) {
		return this.jdbc.sql("select * from outbox where subject = ? and event_type = ? order by id")
			.params(caseId, "cymru.noddfa.panels." + type + ".v1")
			.query()
			.listOfRows();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClockConfiguration {

		@Bean
		@Primary
		Clock movableClock() {
			return new MovableClock();
		}

	}

}
