package cymru.noddfa.notifications.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over {@code timestamp + "." + body} with the subscription's secret, sent as
 * {@code X-Noddfa-Signature: sha256=<hex>} beside {@code X-Noddfa-Timestamp} (epoch
 * seconds). Signing the timestamp lets a receiver refuse a captured request replayed
 * outside its window.
 */
public final class WebhookSignature {

	public static final String TIMESTAMP_HEADER = "X-Noddfa-Timestamp";

	public static final String SIGNATURE_HEADER = "X-Noddfa-Signature";

	private static final SecureRandom random = new SecureRandom();

	private WebhookSignature() {
	}

	/** A new secret: 32 random bytes, readable as text. */
	public static String newSecret() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static String sign(String secret, long timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return "sha256=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/**
	 * What a receiver does: the signature matches and the timestamp is within the replay
	 * window of its own clock.
	 */
	public static boolean verify(String secret, String timestamp, String body, String signature, Instant now,
			Duration replayWindow) {
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(replayWindow) > 0) {
			return false;
		}
		return MessageDigest.isEqual(sign(secret, seconds, body).getBytes(StandardCharsets.UTF_8),
				signature.getBytes(StandardCharsets.UTF_8));
	}

}
