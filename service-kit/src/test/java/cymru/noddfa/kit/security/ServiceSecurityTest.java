package cymru.noddfa.kit.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import cymru.noddfa.kit.MalformedRequestProblems;
import cymru.noddfa.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kit's front door in a service: real tokens from a real JWKS, checked for signature,
 * issuer, audience and expiry; role rules; object-level refusals; closed by default.
 */
@SpringBootTest(classes = ServiceSecurityTest.RegionApp.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {
				"spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
						+ "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
				"management.endpoints.web.exposure.include=health,info",
				"management.endpoint.health.probes.enabled=true" })
class ServiceSecurityTest {

	static final TestIdentity identity = TestIdentity.shared();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void trust(DynamicPropertyRegistry properties) {
		identity.properties().forEach((name, value) -> properties.add(name, () -> value));
	}

	static Stream<Arguments> badTokens() {
		TestIdentity.Caller team = TestIdentity.Caller.crisisTeam("CTM");
		Map<String, Function<TestIdentity.Caller, String>> kinds = Map.of("expired", identity::expired,
				"from another issuer", identity::fromAnotherIssuer, "for another audience",
				identity::forAnotherAudience, "unsigned (alg=none)", identity::unsigned, "tampered", identity::tampered,
				"signed by a key the issuer never published", identity::signedByAnotherKey);
		return kinds.entrySet().stream().map((kind) -> Arguments.of(kind.getKey(), kind.getValue().apply(team)));
	}

	@ParameterizedTest(name = "a token {0} is 401")
	@MethodSource("badTokens")
	void a_bad_token_is_a_401_problem(String kind, String token) throws Exception {
		HttpResponse<String> response = get("/v1/regions/CTM", token);
		assertThat(response.statusCode()).as(kind).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
	}

	@Test
	void no_token_is_a_401_problem_asking_for_a_bearer_token() throws Exception {
		HttpResponse<String> response = get("/v1/regions/CTM", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(response.body()).contains("https://noddfa.cymru/problems/unauthorized");
	}

	@Test
	void a_good_token_reaches_the_handler_which_knows_the_caller() throws Exception {
		HttpResponse<String> response = get("/v1/regions/CTM", identity.crisisTeam("CTM"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("test:crisis-team:CTM in CTM");
	}

	@Test
	void a_role_the_rules_do_not_allow_is_a_403_problem() throws Exception {
		HttpResponse<String> response = get("/v1/regions/CTM", identity.provider("ctm-partnership"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("https://noddfa.cymru/problems/forbidden");
	}

	@Test
	void another_tenants_object_is_a_403_problem() throws Exception {
		HttpResponse<String> response = get("/v1/regions/GWE", identity.crisisTeam("CTM"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("https://noddfa.cymru/problems/forbidden");
	}

	@Test
	void an_endpoint_without_a_rule_is_refused_even_to_an_admin() throws Exception {
		assertThat(get("/v1/unruled", identity.admin()).statusCode()).isEqualTo(403);
	}

	@Test
	void health_is_open_and_other_actuator_endpoints_are_for_admins_only() throws Exception {
		assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/info", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/info", identity.crisisTeam("CTM")).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/info", identity.admin()).statusCode()).isEqualTo(200);
	}

	@Test
	void the_api_description_is_open_and_declares_the_bearer_scheme_and_the_401_and_403_answers() throws Exception {
		HttpResponse<String> response = get("/v3/api-docs", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"bearerFormat\":\"JWT\"")
			.contains("\"401\"")
			.contains("\"403\"")
			.doesNotContain("\"caller\"");
	}

	@Test
	void a_service_without_an_issuer_refuses_to_start_and_says_what_to_set() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(RegionApp.class).properties("server.port=0",
				"noddfa.security.jwk-set-uri=", "noddfa.security.issuer=",
				"spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
						+ "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
			.run()
			.close()).isInstanceOf(BeanCreationException.class)
			.rootCause()
			.hasMessageContaining("noddfa.security.jwk-set-uri");
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ RegionController.class, RegionProblems.class })
	static class RegionApp {

		@Bean
		AccessRules regionRules() {
			return (rules) -> rules.requestMatchers(HttpMethod.GET, "/v1/regions/*")
				.hasAnyRole(Role.CRISIS_TEAM.name(), Role.PANEL.name());
		}

	}

	@RestController
	static class RegionController {

		@GetMapping("/v1/regions/{region}")
		String region(@PathVariable String region, Caller caller) {
			if (!caller.seesRegion(region)) {
				throw new AccessRefused("region");
			}
			return caller.subject() + " in " + caller.region();
		}

		@GetMapping("/v1/unruled")
		String unruled() {
			return "should never be reached";
		}

	}

	@RestControllerAdvice
	static class RegionProblems extends MalformedRequestProblems {

		RegionProblems(MessageSource messages) {
			super(messages);
		}

	}

}
