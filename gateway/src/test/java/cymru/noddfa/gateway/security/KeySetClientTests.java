package cymru.noddfa.gateway.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The gateway's key-set client against a real HTTP key set: made-up key ids cannot make
 * it hammer the issuer, a key set that never answers costs a bounded wait, and a key the
 * issuer adds is still picked up.
 */
class KeySetClientTests {

	private static final String ISSUER = "https://issuer.test";

	private final AtomicInteger fetches = new AtomicInteger();

	private final AtomicReference<JWKSet> published = new AtomicReference<>();

	private final HttpServer keySet = keySet();

	@AfterEach
	void stop() {
		this.keySet.stop(0);
	}

	@Test
	void tokens_naming_unknown_keys_fetch_the_key_set_at_most_once_per_interval() throws Exception {
		RSAKey issuerKey = key("issuer-1");
		this.published.set(new JWKSet(issuerKey.toPublicJWK()));
		ReactiveJwtDecoder decoder = decoder(Duration.ofSeconds(30), Duration.ofSeconds(3));

		for (int i = 0; i < 10; i++) {
			String token = token(new RSAKeyGenerator(2048).keyID("made-up-" + i).generate());
			assertThatThrownBy(() -> decoder.decode(token).block()).isNotNull();
		}
		assertThat(decoder.decode(token(issuerKey)).block().getSubject()).isEqualTo("someone");

		assertThat(this.fetches).hasValue(1);
	}

	@Test
	void a_key_the_issuer_adds_is_picked_up_after_the_interval() throws Exception {
		RSAKey first = key("issuer-1");
		RSAKey second = key("issuer-2");
		this.published.set(new JWKSet(first.toPublicJWK()));
		ReactiveJwtDecoder decoder = decoder(Duration.ofMillis(300), Duration.ofSeconds(3));
		decoder.decode(token(first)).block();
		this.published.set(new JWKSet(java.util.List.of(first.toPublicJWK(), second.toPublicJWK())));

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			try {
				assertThat(decoder.decode(token(second)).block().getSubject()).isEqualTo("someone");
			}
			catch (RuntimeException ex) {
				throw new AssertionError(ex);
			}
		});
		assertThat(this.fetches.get()).isLessThanOrEqualTo(20);
	}

	@Test
	void a_key_set_that_never_answers_costs_only_the_read_timeout() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			SecurityProperties security = properties(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/jwks"),
					Duration.ofSeconds(30), Duration.ofMillis(500));
			ReactiveJwtDecoder decoder = SecurityConfiguration.decoder(security);
			String token = token(key("issuer-1"));
			Instant start = Instant.now();

			assertThatThrownBy(() -> decoder.decode(token).block(Duration.ofSeconds(10))).isNotNull();

			assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(3));
		}
	}

	private ReactiveJwtDecoder decoder(Duration refetchInterval, Duration readTimeout) {
		return SecurityConfiguration
			.decoder(properties(URI.create("http://127.0.0.1:" + this.keySet.getAddress().getPort() + "/jwks"),
					refetchInterval, readTimeout));
	}

	private static SecurityProperties properties(URI jwks, Duration refetchInterval, Duration readTimeout) {
		return new SecurityProperties(true, jwks, ISSUER, "noddfa", "default-src 'self'", Duration.ofDays(1),
				Duration.ofSeconds(1), readTimeout, refetchInterval, Duration.ofMinutes(1));
	}

	private HttpServer keySet() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/jwks", (exchange) -> {
				this.fetches.incrementAndGet();
				byte[] body = this.published.get().toString().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAKey key(String id) throws JOSEException {
		return new RSAKeyGenerator(2048).keyID(id).algorithm(JWSAlgorithm.RS256).generate();
	}

	private static String token(RSAKey key) throws JOSEException {
		Instant now = Instant.now();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
				new JWTClaimsSet.Builder().issuer(ISSUER)
					.audience("noddfa")
					.subject("someone")
					.issueTime(Date.from(now))
					.expirationTime(Date.from(now.plusSeconds(600)))
					.build());
		jwt.sign(new RSASSASigner(key));
		return jwt.serialize();
	}

}
