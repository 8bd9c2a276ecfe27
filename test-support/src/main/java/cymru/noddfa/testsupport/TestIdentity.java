package cymru.noddfa.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A small OIDC-style token issuer for tests: one RSA key, its JWKS served over HTTP on a
 * free port, and tokens for any demo caller, good or deliberately bad. Services under
 * test trust it through the properties {@link #properties()} returns, which
 * {@link WithInfrastructure} sets for every test class, so the tokens are checked exactly
 * as a real provider's would be.
 */
public final class TestIdentity {

	public static final String AUDIENCE = "noddfa";

	private static TestIdentity shared;

	private final RSAKey key;

	private final RSAKey otherKey;

	private final HttpServer server;

	private final String issuer;

	private TestIdentity() {
		try {
			this.key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
			this.otherKey = new RSAKeyGenerator(2048).keyID(this.key.getKeyID()).generate();
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		byte[] jwks = new JWKSet(this.key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		this.server.createContext("/jwks", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(jwks);
			}
		});
		// platform threads, which the OS time-slices: on virtual threads the key set
		// could
		// wait behind a race's thousand request threads (never time-sliced) past a
		// decoder's read timeout
		this.server
			.setExecutor(Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("test-jwks-", 0).factory()));
		this.server.start();
		this.issuer = "http://localhost:" + this.server.getAddress().getPort() + "/test-issuer";
	}

	/** The one issuer of this test JVM, started on first use. */
	public static synchronized TestIdentity shared() {
		if (shared == null) {
			shared = new TestIdentity();
		}
		return shared;
	}

	public String issuer() {
		return this.issuer;
	}

	public String jwkSetUri() {
		return "http://localhost:" + this.server.getAddress().getPort() + "/jwks";
	}

	/** What a service needs to trust this issuer. */
	public Map<String, String> properties() {
		return Map.of("noddfa.security.jwk-set-uri", jwkSetUri(), "noddfa.security.issuer", this.issuer,
				"noddfa.security.audience", AUDIENCE);
	}

	public String admin() {
		return token(Caller.admin());
	}

	public String crisisTeam(String region) {
		return token(Caller.crisisTeam(region));
	}

	public String panel(String region) {
		return token(Caller.panel(region));
	}

	public String provider(String providerId) {
		return token(Caller.provider(providerId));
	}

	/** A valid token for the caller, good for ten minutes. */
	public String token(Caller caller) {
		return sign(claims(caller, this.issuer, AUDIENCE, Instant.now().plus(Duration.ofMinutes(10))), this.key);
	}

	public String expired(Caller caller) {
		return sign(claims(caller, this.issuer, AUDIENCE, Instant.now().minus(Duration.ofMinutes(5))), this.key);
	}

	public String fromAnotherIssuer(Caller caller) {
		return sign(claims(caller, "https://elsewhere.example/issuer", AUDIENCE,
				Instant.now().plus(Duration.ofMinutes(10))), this.key);
	}

	public String forAnotherAudience(Caller caller) {
		return sign(claims(caller, this.issuer, "another-service", Instant.now().plus(Duration.ofMinutes(10))),
				this.key);
	}

	/** Same key id, different key: a forgery that names a key the issuer publishes. */
	public String signedByAnotherKey(Caller caller) {
		return sign(claims(caller, this.issuer, AUDIENCE, Instant.now().plus(Duration.ofMinutes(10))), this.otherKey);
	}

	/** {@code alg=none}: claims with no signature at all. */
	public String unsigned(Caller caller) {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String payload = base64
			.encodeToString(claims(caller, this.issuer, AUDIENCE, Instant.now().plus(Duration.ofMinutes(10))).toString()
				.getBytes(StandardCharsets.UTF_8));
		return header + "." + payload + ".";
	}

	/**
	 * A valid token whose payload was then changed (here: promoted to admin), keeping the
	 * original signature.
	 */
	public String tampered(Caller caller) {
		String[] parts = token(caller).split("\\.");
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String payload = base64.encodeToString(
				claims(Caller.admin(), this.issuer, AUDIENCE, Instant.now().plus(Duration.ofMinutes(10))).toString()
					.getBytes(StandardCharsets.UTF_8));
		return parts[0] + "." + payload + "." + parts[2];
	}

	private static JWTClaimsSet claims(Caller caller, String issuer, String audience, Instant expiresAt) {
		Instant issuedAt = expiresAt.minus(Duration.ofMinutes(10));
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString())
			.issuer(issuer)
			.audience(audience)
			.subject(caller.subject())
			.issueTime(Date.from(issuedAt))
			.notBeforeTime(Date.from(issuedAt))
			.expirationTime(Date.from(expiresAt));
		caller.claims().forEach(claims::claim);
		return claims.build();
	}

	private static String sign(JWTClaimsSet claims, RSAKey key) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Who a test token speaks for, with the claims of DESIGN §5: {@code roles},
	 * {@code region} for crisis teams and panels, {@code provider_id} for providers.
	 */
	public record Caller(String role, String region, String providerId, String subject) {

		public static Caller admin() {
			return new Caller("ADMIN", null, null, "test:admin");
		}

		public static Caller crisisTeam(String region) {
			return new Caller("CRISIS_TEAM", region, null, "test:crisis-team:" + region);
		}

		public static Caller panel(String region) {
			return new Caller("PANEL", region, null, "test:panel:" + region);
		}

		public static Caller provider(String providerId) {
			return new Caller("PROVIDER", null, providerId, "test:provider:" + providerId);
		}

		/** The same caller under another subject, e.g. a second member of one team. */
		public Caller as(String otherSubject) {
			return new Caller(this.role, this.region, this.providerId, otherSubject);
		}

		Map<String, Object> claims() {
			Map<String, Object> claims = new LinkedHashMap<>();
			claims.put("roles", List.of(this.role));
			if (this.region != null) {
				claims.put("region", this.region);
			}
			if (this.providerId != null) {
				claims.put("provider_id", this.providerId);
			}
			return claims;
		}

	}

}
