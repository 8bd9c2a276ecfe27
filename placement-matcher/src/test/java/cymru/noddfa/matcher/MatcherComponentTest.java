package cymru.noddfa.matcher;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.Filter;

import cymru.noddfa.testsupport.TestIdentity;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import cymru.noddfa.testsupport.WithInfrastructure;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The one Spring context the component tests share (so it is built once per test JVM):
 * the whole matcher against the real Kafka, PostgreSQL and Redis of the test JVM,
 * trusting the test issuer's real tokens. Tests keep apart by their own provision ids and
 * by placing their provisions where no other test does.
 * <p>
 * A request sent without a token goes as a crisis team of {@link #REGION}, one of a few
 * members (so referrals created that way rarely share a team's hold cap); a test about
 * access picks its caller with {@link #as(Caller)} or {@link #anonymous()}. Tokens are
 * signed once per caller and reused for a few minutes, as a real client would, so the
 * races of thousands of requests measure the matcher and not the test's signing.
 */
@WithInfrastructure(database = "matcher")
@SpringBootTest(properties = { "noddfa.matcher.holds.expiry-check-interval=200ms",
		"noddfa.matcher.read-model.check-interval=200ms", "noddfa.matcher.read-model.reconcile-period=1s",
		// one full reconcile a second after start; a test that needs another runs it
		"noddfa.matcher.read-model.full-reconcile-period=1h",
		// a defect is parked after 5 s here, not a minute, so an outage test need not
		// outlast a minute to show an infrastructure failure is never parked
		"noddfa.matcher.read-model.defect-retry-for=5s", "noddfa.matcher.holds.team-cap=3",
		"noddfa.matcher.holds.overrun-check-interval=200ms",
		// the retention test runs the job itself, at a moment it chooses
		"noddfa.matcher.retention.initial-delay=1d",
		// the races mean every request to reach the ledger at once: admission control
		// would turn most of them away and spare the guard they test
		"noddfa.service.max-requests-in-flight=5000" })
@AutoConfigureMockMvc
@Import(MatcherComponentTest.DefaultCaller.class)
public abstract class MatcherComponentTest {

	/** The region of the default caller and of most fixtures. */
	protected static final String REGION = "CTM";

	/** The provider that keeps provisions published without another. */
	protected static final String PROVIDER = "test-provider";

	protected static final TestIdentity identity = TestIdentity.shared();

	private static final Duration REUSE = Duration.ofMinutes(4);

	private static final Map<Caller, Issued> tokens = new ConcurrentHashMap<>();

	@Autowired
	protected MockMvc mvc;

	/** Sends the request with this caller's token (replacing the default one). */
	protected static RequestPostProcessor as(Caller caller) {
		return as(token(caller));
	}

	/** A valid token for the caller, signed at most {@link #REUSE} ago. */
	protected static String token(Caller caller) {
		if (tokens.size() > 5_000) {
			tokens.clear();
		}
		Instant now = Instant.now();
		return tokens.compute(caller, (key, issued) -> (issued != null && issued.at().plus(REUSE).isAfter(now)) ? issued
				: new Issued(identity.token(key), now))
			.token();
	}

	/** Sends the request with this bearer token, good or bad. */
	protected static RequestPostProcessor as(String token) {
		return (request) -> {
			request.removeHeader(HttpHeaders.AUTHORIZATION);
			request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
			return request;
		};
	}

	/** Sends the request with no token at all. */
	protected static RequestPostProcessor anonymous() {
		return (request) -> {
			request.removeHeader(HttpHeaders.AUTHORIZATION);
			return request;
		};
	}

	/** The provider that keeps provisions published without another. */
	protected static RequestPostProcessor asProvider() {
		return as(Caller.provider(PROVIDER));
	}

	/** A crisis team of the region under a subject no other test uses. */
	protected static Caller crisisTeam(String region) {
		return Caller.crisisTeam(region).as("test:crisis-team:" + region + ":" + UUID.randomUUID());
	}

	/** A MockMvc for another instance of the matcher, checking tokens like this one. */
	protected static MockMvc mockMvcFor(WebApplicationContext context) {
		return MockMvcBuilders.webAppContextSetup(context)
			.addFilters(context.getBean("springSecurityFilterChain", Filter.class))
			.defaultRequest(get("/").with(defaultCaller()))
			.build();
	}

	private static RequestPostProcessor defaultCaller() {
		return (request) -> {
			if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
				Caller member = Caller.crisisTeam(REGION)
					.as("test:crisis-team:" + REGION + ":member-" + ThreadLocalRandom.current().nextInt(16));
				request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token(member));
			}
			return request;
		};
	}

	private record Issued(String token, Instant at) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class DefaultCaller {

		@Bean
		MockMvcBuilderCustomizer defaultCaller() {
			return (builder) -> builder.defaultRequest(get("/").with(MatcherComponentTest.defaultCaller()));
		}

	}

}
