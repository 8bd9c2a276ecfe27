package cymru.noddfa.matcher.retention;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A referral closed longer than the retention period (90 days) loses its reference,
 * location and needs and keeps its statuses, counts and times; an open one, or one closed
 * lately, keeps everything. Closing long ago is played by moving the referral's last
 * change back in time.
 */
class RetentionTest extends MatcherComponentTest {

	private static final String REFERRAL_ROW = """
			select id, reference, team_id, region_code, age, sex, needs::text as needs, current_setting, lat, lon,
			       place, bed_type, latest_admission_at, max_km, status, version, out_of_region_options, created_at,
			       updated_at, referring_region_code, anonymised_at
			  from referrals where id = ?::uuid
			""";

	private final ProvisionStates registry = new ProvisionStates();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RetentionJob job;

	@AfterEach
	void close() {
		this.registry.close();
	}

	@Test
	void a_referral_closed_longer_than_the_period_is_anonymised_once_and_others_are_left_whole() throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		var unit = ProvisionStates.provision(ProvisionStates.uniqueId("retained"))
			.at(child[0] + 0.05, child[1])
			.onlyBeds("CRISIS", 2, 2);
		this.registry.publish(unit);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> this.mvc.perform(get("/v1/availability/{id}", unit.id()))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.beds[?(@.bedType == 'CRISIS')].free").value(2)));
		Caller team = crisisTeam("CTM");

		String ended = refer(child, "CTM-7001", team);
		String hold = JsonPath.read(this.mvc.perform(post("/v1/referrals/{id}/holds", ended).with(as(team)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.holdId");
		this.mvc.perform(post("/v1/referrals/{id}/holds/{hold}/accept", ended, hold).with(asProvider()))
			.andExpect(status().isOk());
		String placement = JsonPath.read(this.mvc.perform(post("/v1/referrals/{id}/placements", ended).with(as(team)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.placementId");
		this.mvc.perform(post("/v1/placements/{id}/end", placement).with(as(team))).andExpect(status().isOk());
		String cancelled = refer(child, "CTM-7002", team);
		cancel(cancelled, team);
		String cancelledLately = refer(child, "CTM-7003", team);
		cancel(cancelledLately, team);
		String stillOpen = refer(child, "CTM-7004", team);
		for (String id : List.of(ended, cancelled, stillOpen)) {
			this.jdbc.sql("update referrals set updated_at = updated_at - interval '91 days' where id = ?::uuid")
				.param(id)
				.update();
		}
		Map<String, Object> endedBefore = row(ended);
		List<Map<String, Object>> holdsBefore = rows("select * from holds where referral_id = ?::uuid", ended);
		List<Map<String, Object>> placementsBefore = rows("select * from placements where referral_id = ?::uuid",
				ended);
		List<Map<String, Object>> trailBefore = rows(
				"select action, team_id, at from referral_audit where referral_id = ?::uuid order by id", ended);
		assertThat(rows("select request_id from referral_audit where referral_id = ?::uuid", ended))
			.anySatisfy((audit) -> assertThat(audit.get("request_id")).isNotNull());
		Map<String, Object> lately = row(cancelledLately);
		Map<String, Object> open = row(stillOpen);

		assertThat(this.job.anonymiseDue()).isGreaterThanOrEqualTo(2);

		for (String id : List.of(ended, cancelled)) {
			assertThat(row(id)).as(id)
				.containsEntry("reference", null)
				.containsEntry("lat", null)
				.containsEntry("lon", null)
				.containsEntry("place", null)
				.containsEntry("out_of_region_options", null)
				.containsEntry("needs", "{}")
				.satisfies((r) -> assertThat(r.get("anonymised_at")).isNotNull());
		}
		Map<String, Object> endedAfter = row(ended);
		for (String kept : List.of("id", "team_id", "region_code", "age", "sex", "current_setting", "bed_type",
				"status", "version", "created_at", "updated_at", "latest_admission_at", "max_km")) {
			assertThat(endedAfter.get(kept)).as(kept).isEqualTo(endedBefore.get(kept));
		}
		assertThat(endedAfter.get("status")).isEqualTo("ENDED");
		assertThat(rows("select * from holds where referral_id = ?::uuid", ended)).isEqualTo(holdsBefore);
		assertThat(rows("select * from placements where referral_id = ?::uuid", ended)).isEqualTo(placementsBefore);
		assertThat(
				rows("select action, team_id, at from referral_audit where referral_id = ?::uuid order by id", ended))
			.isEqualTo(trailBefore);
		assertThat(rows("select request_id from referral_audit where referral_id = ?::uuid", ended))
			.allSatisfy((audit) -> assertThat(audit.get("request_id")).isNull());
		assertThat(row(cancelledLately)).as("closed within the period").isEqualTo(lately);
		assertThat(row(stillOpen)).as("open, however old").isEqualTo(open);

		List<Map<String, Object>> once = List.of(row(ended), row(cancelled), row(cancelledLately), row(stillOpen));
		List<Map<String, Object>> trailOnce = rows("select * from referral_audit where referral_id = ?::uuid", ended);
		this.job.anonymiseDue();
		assertThat(List.of(row(ended), row(cancelled), row(cancelledLately), row(stillOpen))).as("a second run")
			.isEqualTo(once);
		assertThat(rows("select * from referral_audit where referral_id = ?::uuid", ended)).isEqualTo(trailOnce);

		this.mvc.perform(get("/v1/referrals/{id}", cancelled).with(as(team)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.reference").doesNotExist())
			.andExpect(jsonPath("$.location").doesNotExist())
			.andExpect(jsonPath("$.needs").doesNotExist())
			.andExpect(jsonPath("$.createdAt").isNotEmpty());
		this.mvc.perform(get("/v1/referrals/{id}/holds", ended).with(as(team)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("PLACED"));
	}

	private String refer(double[] child, String reference, Caller team) throws Exception {
		return JsonPath.read(this.mvc.perform(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON).content("""
				{"reference": "%s", "regionCode": "CTM", "age": 14, "sex": "FEMALE", "needs": ["MH_CRISIS"],
				 "currentSetting": "HOME", "location": {"lat": %s, "lon": %s}, "bedType": "CRISIS", "maxKm": 60}
				""".formatted(reference, child[0], child[1])).with(as(team)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	private void cancel(String id, Caller team) throws Exception {
		this.mvc.perform(post("/v1/referrals/{id}/cancel", id).with(as(team))).andExpect(status().isOk());
	}

	private Map<String, Object> row(String id) {
		return this.jdbc.sql(REFERRAL_ROW).param(id).query().singleRow();
	}

	private List<Map<String, Object>> rows(String sql, String id) {
		return this.jdbc.sql(sql).param(id).query().listOfRows();
	}

}
