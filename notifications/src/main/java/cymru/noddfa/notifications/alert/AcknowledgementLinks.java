package cymru.noddfa.notifications.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links in a message that let the person it was sent to acknowledge the alert without
 * signing in: the signature binds the alert to that person and to the link's expiry, so a
 * link acknowledges only what it was sent for, names who acknowledged, and stops working
 * after its time to live (a forwarded or leaked message does not stay a key). Links are
 * built on the public base URL (the gateway's {@code /api/notifications}), the address
 * people reach.
 */
public final class AcknowledgementLinks {

	private final String baseUrl;

	private final byte[] key;

	private final Duration timeToLive;

	public AcknowledgementLinks(String baseUrl, String key, Duration timeToLive) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.key = key.getBytes(StandardCharsets.UTF_8);
		this.timeToLive = timeToLive;
	}

	/** A link made now, valid for the time to live. */
	public String url(UUID alertId, UUID contactId, Instant now) {
		long expires = now.plus(this.timeToLive).getEpochSecond();
		return address(alertId, contactId, expires, signature(alertId, contactId, expires));
	}

	/** The public address of a link with these parts: the page's form posts to it. */
	String address(UUID alertId, UUID contactId, long expires, String signature) {
		return this.baseUrl + "/v1/alerts/" + alertId + "/acknowledge?contact=" + contactId + "&exp=" + expires
				+ "&sig=" + signature;
	}

	/** What a link is worth at {@code now}. */
	public Verdict check(UUID alertId, UUID contactId, Long expires, String signature, Instant now) {
		if (signature == null || expires == null
				|| !MessageDigest.isEqual(signature(alertId, contactId, expires).getBytes(StandardCharsets.UTF_8),
						signature.getBytes(StandardCharsets.UTF_8))) {
			return Verdict.INVALID;
		}
		return (now.getEpochSecond() < expires) ? Verdict.VALID : Verdict.EXPIRED;
	}

	String signature(UUID alertId, UUID contactId, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			byte[] digest = mac.doFinal((alertId + ":" + contactId + ":" + expires).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	public enum Verdict {

		VALID,
		/** The signature does not match what the link names (tampered or made up). */
		INVALID,
		/** A genuine link past its time to live. */
		EXPIRED

	}

}
