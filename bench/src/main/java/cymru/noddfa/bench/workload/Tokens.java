package cymru.noddfa.bench.workload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens from the local stack's development issuer, one per user, fetched again when half
 * their lifetime has passed.
 */
public final class Tokens {

	private final Http http;

	private final String gateway;

	private final Map<Map<String, String>, Issued> issued = new ConcurrentHashMap<>();

	public Tokens(Http http, String gateway) {
		this.http = http;
		this.gateway = gateway;
	}

	public String admin() {
		return token(Map.of("role", "ADMIN"));
	}

	public String crisisTeam(String region) {
		return token(Map.of("role", "CRISIS_TEAM", "region", region));
	}

	public String provider(String providerId) {
		return token(Map.of("role", "PROVIDER", "providerId", providerId));
	}

	private String token(Map<String, String> user) {
		return this.issued.compute(user, (key, current) -> {
			if (current != null && System.nanoTime() < current.refreshAt()) {
				return current;
			}
			Http.Answer answer = this.http.post(this.gateway + "/dev-auth/token", null, key);
			if (!answer.ok()) {
				throw new IllegalStateException("No token for " + key + ": " + answer);
			}
			long lifetime = answer.json().path("expires_in").asLong(600);
			return new Issued(answer.json().get("access_token").asString(),
					System.nanoTime() + lifetime * 500_000_000L);
		}).token();
	}

	private record Issued(String token, long refreshAt) {
	}

}
