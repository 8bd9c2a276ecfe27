package cymru.noddfa.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens from the local stack's development identity provider
 * ({@code POST /dev-auth/token} through the gateway), which the gateway and every service
 * trust in the local profile. One token per caller, reused: they outlive any test run.
 */
final class DevTokens {

	private final Api anonymous;

	private final Map<Map<String, String>, String> issued = new ConcurrentHashMap<>();

	DevTokens(Api anonymous) {
		this.anonymous = anonymous;
	}

	String admin() {
		return token(Map.of("role", "ADMIN"));
	}

	String crisisTeam(String region) {
		return token(Map.of("role", "CRISIS_TEAM", "region", region));
	}

	String panel(String region) {
		return token(Map.of("role", "PANEL", "region", region));
	}

	String provider(String providerId) {
		return token(Map.of("role", "PROVIDER", "providerId", providerId));
	}

	private String token(Map<String, String> user) {
		return this.issued.computeIfAbsent(user, (request) -> {
			Api.Response response = this.anonymous.post("/dev-auth/token", request);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			return response.json().get("access_token").asString();
		});
	}

}
