package cymru.noddfa.matcher.referral;

import com.jayway.jsonpath.JsonPath;
import cymru.noddfa.matcher.MatcherComponentTest;
import cymru.noddfa.matcher.ProvisionStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Children's details are special-category data: whatever a team types into a referral by
 * mistake must not reach a log line, where it would outlive every retention rule.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoFreeTextLeavesTest extends MatcherComponentTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			a name as the reference      | "reference": "Zorba Quixley", "place": "Bridgend"
			a date of birth as reference | "reference": "12-03-2012", "place": "Bridgend"
			a street as the place        | "reference": "CTM-0042", "place": "Zorba Quixley Close"
			""")
	void text_typed_into_a_refused_referral_never_reaches_the_logs(String what, String fields, CapturedOutput logs)
			throws Exception {
		String body = """
				{%s, "regionCode": "CTM", "age": 14, "sex": "FEMALE", "needs": ["MH_CRISIS"],
				 "currentSetting": "A_AND_E", "bedType": "CRISIS"}
				""".formatted(fields);

		this.mvc.perform(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest());

		assertThat(logs.getAll()).doesNotContain("Zorba").doesNotContain("Quixley").doesNotContain("12-03-2012");
	}

	@Test
	void an_accepted_referral_logs_only_its_ids(CapturedOutput logs) throws Exception {
		double[] child = ProvisionStates.somewhereApart();
		String id = JsonPath.read(this.mvc
			.perform(post("/v1/referrals").contentType(MediaType.APPLICATION_JSON)
				.content(ReferralsTest.referral(child, "CTM", "CTM-7351")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");

		// the log does speak of the referral, by its id: proof that this test reads the
		// log at all
		assertThat(logs.getAll()).contains("Referral " + id + " created")
			.doesNotContain("CTM-7351")
			.doesNotContain(String.valueOf(child[0]));
	}

}
