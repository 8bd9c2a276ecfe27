package cymru.noddfa.notifications.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links in a message that let the person it was sent to acknowledge the alert without
 * signing in: the signature binds the alert to that person, so a link acknowledges only
 * what it was sent for and names who acknowledged.
 */
public final class AcknowledgementLinks {

	private final String baseUrl;

	private final byte[] key;

	public AcknowledgementLinks(String baseUrl, String key) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.key = key.getBytes(StandardCharsets.UTF_8);
	}

	public String url(UUID alertId, UUID contactId) {
		return this.baseUrl + "/v1/alerts/" + alertId + "/acknowledge?contact=" + contactId + "&sig="
				+ signature(alertId, contactId);
	}

	public boolean valid(UUID alertId, UUID contactId, String signature) {
		return signature != null
				&& MessageDigest.isEqual(signature(alertId, contactId).getBytes(StandardCharsets.UTF_8),
						signature.getBytes(StandardCharsets.UTF_8));
	}

	String signature(UUID alertId, UUID contactId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			byte[] digest = mac.doFinal((alertId + ":" + contactId).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
