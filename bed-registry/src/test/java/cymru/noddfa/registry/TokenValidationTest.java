package cymru.noddfa.registry;

import java.util.function.Function;
import java.util.stream.Stream;

import cymru.noddfa.testsupport.TestIdentity.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry checks every token again, whatever the gateway did: issuer, audience,
 * expiry and an RS256 signature by the issuer's key. Anything else is a 401 problem and
 * changes nothing; the same call with a good token succeeds.
 */
class TokenValidationTest extends RegistryComponentTest {

	static final Caller PROVIDER = Caller.provider("token-check-provider");

	static Stream<Arguments> badTokens() {
		return Stream.of(bad("expired", identity::expired), bad("from another issuer", identity::fromAnotherIssuer),
				bad("for another audience", identity::forAnotherAudience),
				bad("signed by another key under the issuer's key id", identity::signedByAnotherKey),
				bad("unsigned (alg=none)", identity::unsigned),
				bad("tampered (claims promoted to admin after signing)", identity::tampered),
				bad("not a JWT at all", (caller) -> "not-a-token"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badTokens")
	void a_bad_token_is_a_401_on_reads_and_writes_and_changes_nothing(String why, Function<Caller, String> token) {
		String id = unique("token");
		create(id);
		String bad = token.apply(PROVIDER);

		Api.Response read = as(bad).get("/v1/provisions/" + id);
		Api.Response write = as(bad).put("/v1/provisions/" + id + "/vacancies/CRISIS",
				"{\"total\": 3, \"available\": 0}", "If-Match", "\"1\"");

		for (Api.Response response : new Api.Response[] { read, write }) {
			assertThat(response.status()).as(why + ": " + response).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
		assertThat(this.api.get("/v1/provisions/" + id).json().get("version").asLong()).isEqualTo(1);
	}

	@Test
	void without_a_token_every_endpoint_but_the_probes_and_description_is_a_401() {
		Api anonymous = this.api.anonymous();

		assertThat(anonymous.get("/v1/provisions").status()).isEqualTo(401);
		assertThat(anonymous.post("/v1/provisions", provision(unique("anon"), "test-provider")).status())
			.isEqualTo(401);
		assertThat(anonymous.get("/v1/audit").status()).isEqualTo(401);
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
	}

	@Test
	void the_same_calls_with_a_good_token_succeed() {
		String id = unique("token");
		Api provider = as(identity.token(PROVIDER));

		assertThat(provider.post("/v1/provisions", provision(id, "token-check-provider")).status()).isEqualTo(201);
		assertThat(provider.get("/v1/provisions/" + id).status()).isEqualTo(200);
		assertThat(provider
			.put("/v1/provisions/" + id + "/vacancies/CRISIS", "{\"total\": 3, \"available\": 0}", "If-Match", "\"1\"")
			.status()).isEqualTo(200);
	}

	private static Arguments bad(String why, Function<Caller, String> token) {
		return Arguments.of(why, token);
	}

}
