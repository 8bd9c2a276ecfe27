package cymru.noddfa.notifications;

import java.util.function.BiFunction;
import java.util.stream.Stream;

import cymru.noddfa.testsupport.TestIdentity;
import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.MediaType;

/**
 * The token is checked here again, not only at the gateway: signature (RS256 by the
 * issuer's key), issuer, audience and expiry.
 */
class TokenValidationTest extends ServiceTest {

	static Stream<Arguments> badTokens() {
		return Stream.of(bad("expired", TestIdentity::expired),
				bad("from another issuer", TestIdentity::fromAnotherIssuer),
				bad("for another audience", TestIdentity::forAnotherAudience),
				bad("signed by another key", TestIdentity::signedByAnotherKey),
				bad("unsigned (alg=none)", TestIdentity::unsigned), bad("tampered", TestIdentity::tampered),
				Arguments.of("not a token at all", "not-a-jwt"));
	}

	private static Arguments bad(String kind, BiFunction<TestIdentity, Caller, String> token) {
		return Arguments.of(kind, token.apply(identity, Caller.crisisTeam("CTM")));
	}

	@ParameterizedTest(name = "a token {0} is a 401 problem")
	@MethodSource("badTokens")
	void a_bad_token_is_refused_with_401(String kind, String token) {
		as(token).get()
			.uri("/v1/notifications?referral=any")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://noddfa.cymru/problems/unauthorized");
	}

	@Test
	void the_same_call_with_a_good_token_succeeds_and_without_one_is_401() {
		as(identity.crisisTeam("CTM")).get().uri("/v1/notifications?referral=any").exchange().expectStatus().isOk();
		anonymous().get().uri("/v1/notifications?referral=any").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void health_probes_and_the_api_description_need_no_token_but_metrics_are_for_admins() {
		anonymous().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		anonymous().get().uri("/v3/api-docs").exchange().expectStatus().isOk();
		anonymous().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		as(identity.crisisTeam("CTM")).get().uri("/actuator/prometheus").exchange().expectStatus().isForbidden();
		this.http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

}
