package cymru.noddfa.matcher.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.PlacementMatcherApplication;
import cymru.noddfa.matcher.ProvisionStates;
import cymru.noddfa.matcher.availability.BedLedgerRepository;
import cymru.noddfa.matcher.availability.BedType;
import cymru.noddfa.matcher.availability.LedgerRow;
import cymru.noddfa.matcher.availability.ProvisionMirror;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The benchmark's like-for-like peer: a second matcher started with
 * {@code noddfa.matcher.search.engine=sql} on the same database answers from the states
 * the shared matcher folds, and finds what the shared matcher's index finds, in the same
 * order.
 */
class SqlSearchEngineTest extends MatcherComponentTest {

	/** A winter afternoon: London time is UTC. */
	private static final String AFTERNOON = "2026-01-14T15:00:00Z";

	private static final String LATE_EVENING = "2026-01-14T23:30:00Z";

	private static ConfigurableApplicationContext peer;

	private static MockMvc peerMvc;

	private final ProvisionStates registry = new ProvisionStates();

	@Autowired
	private BedLedgerRepository ledger;

	@Autowired
	private ProvisionMirror mirror;

	/**
	 * The peer reads what the shared matcher folds, as the benchmark's does; its own
	 * listeners stay stopped, so the shared matcher keeps every partition.
	 */
	@BeforeAll
	static void startPeer() {
		peer = new SpringApplicationBuilder(PlacementMatcherApplication.class).run("--server.port=0",
				"--noddfa.matcher.search.engine=sql", "--spring.kafka.listener.auto-startup=false");
		peerMvc = mockMvcFor((WebApplicationContext) peer);
	}

	@AfterAll
	static void stopPeer() {
		peer.close();
	}

	@AfterEach
	void close() {
		this.registry.close();
	}

	@Test
	void the_sql_engine_finds_what_fits_in_region_nearest_first_then_elsewhere_as_the_index_does() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var admitsByDay = provision("by-day", child, 0.03).window("14:00", "16:00");
		var near = provision("near", child, 0.05);
		var far = provision("far", child, 0.2);
		var nearestButElsewhere = provision("elsewhere", child, 0.01).region("GWE");
		var admitsOvernight = provision("overnight", child, 0.011).window("22:00", "06:00");
		var selfHarmNotMet = provision("no-self-harm", child, 0.012).needs("MH_CRISIS");
		var selfHarmExcluded = provision("excludes-self-harm", child, 0.013);
		selfHarmExcluded.exclusions.add("SELF_HARM");
		var tooYoung = provision("too-young", child, 0.014);
		tooYoung.maxAge = 12;
		var boysOnly = provision("boys", child, 0.015);
		boysOnly.accepts = "MALE";
		var closed = provision("closed", child, 0.016);
		closed.status = "CLOSED";
		var allHeld = provision("all-held", child, 0.017).onlyBeds("CRISIS", 1, 1);
		var noCrisisBed = provision("assessment-only", child, 0.018).onlyBeds("ASSESSMENT", 2, 2);
		var tooFar = provision("too-far", child, 0.6);
		for (var provision : List.of(admitsByDay, near, far, nearestButElsewhere, admitsOvernight, selfHarmNotMet,
				selfHarmExcluded, tooYoung, boysOnly, closed, allHeld, noCrisisBed, tooFar)) {
			this.registry.publish(provision);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> this.ledger.find(allHeld.id(), BedType.CRISIS).isPresent());
		Optional<LedgerRow> held = this.ledger.hold(allHeld.id(), BedType.CRISIS);
		assertThat(held).isPresent();
		// told to Redis after commit, as a hold is
		this.mirror.mirror(List.of(held.get()));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<Map<String, Object>> found = candidates(peerMvc, child, AFTERNOON, "sql");
			assertThat(found).extracting((candidate) -> candidate.get("provisionId"))
				.containsExactly(admitsByDay.id(), near.id(), far.id(), nearestButElsewhere.id());
			assertThat(found).extracting((candidate) -> candidate.get("inRegion"))
				.containsExactly(true, true, true, false);
			assertThat(found).extracting((candidate) -> candidate.get("distanceKm"))
				.containsExactly(3.3, 5.6, 22.2, 1.1);
			assertThat(found).isEqualTo(candidates(this.mvc, child, AFTERNOON, "index"));
		});
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<Map<String, Object>> found = candidates(peerMvc, child, LATE_EVENING, "sql");
			assertThat(found).extracting((candidate) -> candidate.get("provisionId"))
				.containsExactly(admitsOvernight.id(), near.id(), far.id(), nearestButElsewhere.id());
			assertThat(found).isEqualTo(candidates(this.mvc, child, LATE_EVENING, "index"));
		});

		// asked for one, the query itself must leave out every nearer in-region provision
		// that does not fit: judging its rows after it would drop them, and leave none
		SearchEngine engine = peer.getBean(SearchEngine.class);
		assertThat(engine.search(criteria(child, AFTERNOON), 50, 1, Instant.now()).candidates())
			.extracting(Candidate::provisionId)
			.containsExactly(admitsByDay.id());
		// 13:30 UTC is 14:30 in London in summer, inside the day window
		assertThat(engine.search(criteria(child, "2026-07-14T13:30:00Z"), 50, 1, Instant.now()).candidates())
			.extracting(Candidate::provisionId)
			.containsExactly(admitsByDay.id());
	}

	private static SearchCriteria criteria(double[] child, String admissionAt) {
		return new SearchCriteria("CTM", child[0], child[1], 14, Sex.FEMALE, List.of("SELF_HARM"), BedType.CRISIS,
				Instant.parse(admissionAt), 50.0);
	}

	@Test
	void the_sql_engine_lists_no_more_than_the_limit_and_no_exclusions() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var unsuitable = provision("unsuitable", child, 0.001).needs("MH_CRISIS");
		this.registry.publish(unsuitable);
		for (int i = 1; i <= 12; i++) {
			this.registry.publish(provision("many-" + i, child, 0.01 * i));
		}
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			MvcResult result = search(peerMvc, child, AFTERNOON);
			assertThat((List<?>) JsonPath.read(result.getResponse().getContentAsString(), "$.candidates")).hasSize(10);
			assertThat((List<?>) JsonPath.read(result.getResponse().getContentAsString(), "$.excluded")).isEmpty();
			assertThat(candidates(peerMvc, child, AFTERNOON, "sql"))
				.isEqualTo(candidates(this.mvc, child, AFTERNOON, "index"));
		});
	}

	private static ProvisionStates.Provision provision(String stem, double[] child, double northDegrees) {
		return ProvisionStates.provision(ProvisionStates.uniqueId(stem)).at(child[0] + northDegrees, child[1]);
	}

	private static List<Map<String, Object>> candidates(MockMvc mvc, double[] child, String admissionAt, String engine)
			throws Exception {
		MvcResult result = search(mvc, child, admissionAt);
		assertThat(result.getResponse().getHeader("Noddfa-Search-Engine")).isEqualTo(engine);
		return JsonPath.read(result.getResponse().getContentAsString(), "$.candidates");
	}

	private static MvcResult search(MockMvc mvc, double[] child, String admissionAt) throws Exception {
		return mvc
			.perform(get("/v1/searches").param("lat", String.valueOf(child[0]))
				.param("lon", String.valueOf(child[1]))
				.param("regionCode", "CTM")
				.param("age", "14")
				.param("sex", "FEMALE")
				.param("needs", "SELF_HARM")
				.param("bedType", "CRISIS")
				.param("admissionAt", admissionAt)
				.param("maxKm", "50"))
			.andExpect(status().isOk())
			.andExpect(header().exists("Noddfa-Search-Engine"))
			.andReturn();
	}

}
