package cymru.noddfa.edge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Bearer tokens already verified, remembered for the rest of their life: the gateway
 * relays one token for every call a user makes, and an RS256 verification per call is
 * most of what a cheap request costs. Only a token's SHA-256 is kept, never the token.
 * Only a token that passed is remembered; a remembered one is checked against the clock
 * on every hit; and none is remembered for longer than {@code maxAge}, so a key withdrawn
 * from the issuer's key set stops being honoured within that time.
 */
public final class VerifiedTokens {

	private final Clock clock;

	private final Duration maxAge;

	private final Cache<String, Remembered> remembered;

	public VerifiedTokens(Clock clock, Duration maxAge, long maxTokens) {
		this.clock = clock;
		this.maxAge = maxAge;
		this.remembered = Caffeine.newBuilder().maximumSize(maxTokens).build();
	}

	/** A decoder that asks {@code verifier} only about tokens it does not remember. */
	public JwtDecoder around(JwtDecoder verifier) {
		return (token) -> recall(token).orElseGet(() -> {
			Jwt jwt = verifier.decode(token);
			remember(token, jwt);
			return jwt;
		});
	}

	/** The token as it was verified, while it may still be trusted without verifying. */
	public Optional<Jwt> recall(String token) {
		String key = sha256(token);
		Remembered hit = this.remembered.getIfPresent(key);
		if (hit == null) {
			return Optional.empty();
		}
		if (this.clock.instant().isBefore(hit.until())) {
			return Optional.of(hit.jwt());
		}
		this.remembered.invalidate(key);
		return Optional.empty();
	}

	/** Call only with a token that has just passed verification. */
	public void remember(String token, Jwt verified) {
		Instant until = this.clock.instant().plus(this.maxAge);
		if (verified.getExpiresAt() != null && verified.getExpiresAt().isBefore(until)) {
			until = verified.getExpiresAt();
		}
		this.remembered.put(sha256(token), new Remembered(verified, until));
	}

	private static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	private record Remembered(Jwt jwt, Instant until) {
	}

}
