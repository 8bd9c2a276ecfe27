package cymru.noddfa.bench.workload;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens from the local stack's development issuer, one per user, fetched again when half
 * their lifetime has passed. A workload's users are minted with {@link #prepare} before
 * it starts, so the issuer (the gateway) does no work during a measured window;
 * {@link #minted} tells whether it did all the same.
 */
public final class Tokens {

	private final Http http;

	private final String gateway;

	private final Map<Map<String, String>, Issued> issued = new ConcurrentHashMap<>();

	private final java.util.concurrent.atomic.AtomicLong minted = new java.util.concurrent.atomic.AtomicLong();

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

	/**
	 * Mints a token for each of these crisis teams' regions and providers, and the admin,
	 * and mints afresh every token held that would need renewing within {@code validFor}.
	 */
	public void prepare(java.util.Collection<String> regions, java.util.Collection<String> providers,
			java.time.Duration validFor) {
		long until = System.nanoTime() + validFor.toNanos();
		this.issued.replaceAll((user, current) -> (current.refreshAt() < until) ? mint(user) : current);
		admin();
		regions.forEach(this::crisisTeam);
		providers.forEach(this::provider);
	}

	/** Tokens minted so far. */
	public long minted() {
		return this.minted.get();
	}

	private String token(Map<String, String> user) {
		Issued held = this.issued.get(user);
		if (held != null && System.nanoTime() < held.refreshAt()) {
			return held.token();
		}
		return this.issued.compute(user, (key, current) -> {
			if (current != null && System.nanoTime() < current.refreshAt()) {
				return current;
			}
			return mint(key);
		}).token();
	}

	private Issued mint(Map<String, String> key) {
		this.minted.incrementAndGet();
		Http.Answer answer = Settle.retrying(() -> this.http.post(this.gateway + "/dev-auth/token", null, key));
		if (!answer.ok()) {
			throw new IllegalStateException("No token for " + key + ": " + answer);
		}
		long lifetime = answer.json().path("expires_in").asLong(600);
		return new Issued(answer.json().get("access_token").asString(), System.nanoTime() + lifetime * 500_000_000L);
	}

	private record Issued(String token, long refreshAt) {
	}

}
