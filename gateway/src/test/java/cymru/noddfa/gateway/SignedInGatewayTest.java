package cymru.noddfa.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import cymru.noddfa.testsupport.WithInfrastructure;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway of the local stack as {@code application-local.yml} configures it: the
 * development issuer signs, the gateway checks tokens against the issuer's JWKS over HTTP
 * and the API needs one. A fixed free port, because the issuer's address is part of the
 * configuration. The anonymous bucket keeps its defaults. Shared by every class extending
 * it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT,
		properties = { "noddfa.gateway.rate-limit.user.per-second=1", "noddfa.gateway.rate-limit.user.burst=5",
				"noddfa.gateway.rate-limit.roles.CRISIS_TEAM.per-second=1",
				"noddfa.gateway.rate-limit.roles.CRISIS_TEAM.burst=12",
				"noddfa.gateway.rate-limit.client-ip.per-second=100", "noddfa.gateway.rate-limit.client-ip.burst=200",
				"noddfa.gateway.cors.allowed-origins=https://app.noddfa.example",
				// as behind the TLS-terminating ingress of a deployment
				"server.forward-headers-strategy=framework" })
@ActiveProfiles("local")
@WithInfrastructure(database = "gateway")
abstract class SignedInGatewayTest {

	static final int PORT = freePort();

	static final StubService services = StubService.start("registry");

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
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

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
