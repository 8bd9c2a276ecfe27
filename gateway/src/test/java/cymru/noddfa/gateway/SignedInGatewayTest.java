package cymru.noddfa.gateway;

import java.net.http.HttpResponse;

import com.nimbusds.jose.jwk.RSAKey;
import cymru.noddfa.identity.DevIdentityApplication;
import cymru.noddfa.infra.FreePort;
import cymru.noddfa.testsupport.WithInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway of the local stack as {@code application-local.yml} configures it, beside
 * the real development identity provider ({@code dev-identity}, started once in this JVM
 * on a loopback port): people sign in through it, {@code /dev-auth/token} is routed to
 * it, the gateway checks tokens against its JWKS over HTTP and the API needs a token or a
 * session. Fixed free ports, because each names the other in its configuration. The
 * anonymous bucket keeps its defaults. Shared by every class extending it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "noddfa.gateway.rate-limit.user.per-second=1", "noddfa.gateway.rate-limit.user.burst=5",
				"noddfa.gateway.rate-limit.roles.CRISIS_TEAM.per-second=1",
				"noddfa.gateway.rate-limit.roles.CRISIS_TEAM.burst=12",
				"noddfa.gateway.cors.allowed-origins=https://app.noddfa.example",
				// a deployment with internet access, whose map lays tiles under the
				// outline
				"noddfa.gateway.map.tile-url=https://{s}.tile.example.org/{z}/{x}/{y}.png",
				"noddfa.gateway.map.tile-attribution=© Example contributors",
				// as behind the TLS-terminating ingress of a deployment
				"server.forward-headers-strategy=framework" })
@ActiveProfiles("local")
@WithInfrastructure(database = "gateway")
abstract class SignedInGatewayTest {

	private static final String[] IDENTITY_EXCLUDES = {
			"org.springframework.boot.session.data.redis.autoconfigure.SessionDataRedisAutoConfiguration",
			"org.springframework.cloud.gateway.config.GatewayRedisAutoConfiguration" };

	static final int PORT = FreePort.pick();

	static final int IDENTITY_PORT = FreePort.pick();

	static final String ISSUER = "http://localhost:" + IDENTITY_PORT;

	static final StubService services = StubService.start("registry");

	static final ConfigurableApplicationContext identity = DevIdentityApplication.start(
			"--server.port=" + IDENTITY_PORT, "--spring.main.web-application-type=servlet",
			"--noddfa.dev-identity.gateway.redirect-uris=http://127.0.0.1:" + PORT + "/login/oauth2/code/noddfa",
			"--noddfa.dev-identity.gateway.post-logout-redirect-uris=http://127.0.0.1:" + PORT + "/",
			// the gateway's libraries share this class path: none of them is the
			// provider's
			"--spring.cloud.gateway.server.webflux.enabled=false",
			"--spring.autoconfigure.exclude=" + String.join(",", IDENTITY_EXCLUDES),
			// the gateway's logback-spring.xml is on this class path too and needs a
			// format:
			// without one these classes passed only after another had set it for the JVM
			"--logging.structured.format.console=ecs");

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
		properties.add("noddfa.dev-identity-uri", () -> ISSUER);
		properties.add("noddfa.gateway.dev-auth.uri", () -> "http://127.0.0.1:" + IDENTITY_PORT);
		properties.add("noddfa.gateway.security.jwk-set-uri",
				() -> "http://127.0.0.1:" + IDENTITY_PORT + "/oauth2/jwks");
		properties.add("noddfa.gateway.registry-uri", () -> services.uri().toString());
		properties.add("noddfa.gateway.matching-uri", () -> services.uri().toString());
		properties.add("noddfa.gateway.notifications-uri", () -> services.uri().toString());
	}

	GatewayClient client() {
		return new GatewayClient(PORT);
	}

	String tokenFor(String requestJson) {
		HttpResponse<String> response = client().postJson("/dev-auth/token", requestJson);
		if (response.statusCode() != 200) {
			throw new AssertionError("no token for " + requestJson + ": " + response.body());
		}
		return GatewayClient.json(response).get("access_token").asString();
	}

	/** The provider's signing key, to forge tokens the gateway must refuse. */
	static RSAKey identitySigningKey() {
		return identity.getBean(RSAKey.class);
	}

	static JwtEncoder identityEncoder() {
		return identity.getBean(JwtEncoder.class);
	}

}
