package cymru.noddfa.notifications.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Sends text messages and emails through the GOV.UK Notify API
 * ({@code POST /v2/notifications/sms|email}), authenticated with a short-lived JWT
 * (HS256, {@code iss} = service id, {@code iat} = now) signed with the key's secret. The
 * reference sent is the delivery id, so Notify's records can be matched to ours.
 */
@Component
class NotifyClient {

	private final NotifyProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	NotifyClient(NotifyProperties properties, JsonMapper json, Clock clock) {
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	boolean carriesEmail() {
		return this.properties.configured() && this.properties.useForEmail();
	}

	Sent sms(String phoneNumber, String reference, Notification notification) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("phone_number", phoneNumber);
		body.put("template_id", this.properties.smsTemplateId());
		body.put("personalisation", Map.of("body", notification.plainText()));
		body.put("reference", reference);
		return post("/v2/notifications/sms", body);
	}

	Sent email(String address, String reference, Notification notification) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("email_address", address);
		body.put("template_id", this.properties.emailTemplateId());
		body.put("personalisation",
				Map.of("subject", EmailSender.subject(notification), "body", notification.plainText()));
		body.put("reference", reference);
		return post("/v2/notifications/email", body);
	}

	private Sent post(String path, Map<String, Object> body) {
		if (!this.properties.configured()) {
			return Sent.refused("GOV.UK Notify is not configured (noddfa.notifications.notify.api-key)");
		}
		HttpRequest request = HttpRequest.newBuilder(this.properties.baseUrl().resolve(path))
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token())
			.header("User-Agent", "Noddfa-Notifications/1")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				return Sent.delivered(status);
			}
			// 400 and 403 mean the request itself is wrong (bad number, bad key):
			// retrying
			// will not help, the next channel might
			return (status == 400 || status == 403) ? new Sent(Outcome.REFUSED, status, "Notify answered " + status)
					: Sent.failed(status, "Notify answered " + status);
		}
		catch (IOException ex) {
			return Sent.failed(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Sent.failed(null, "interrupted");
		}
	}

	String token() {
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String header = base64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
		String claims = base64.encodeToString(this.json
			.writeValueAsString(
					Map.of("iss", this.properties.serviceId(), "iat", this.clock.instant().getEpochSecond()))
			.getBytes(StandardCharsets.UTF_8));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.properties.secretKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String signature = base64
				.encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.UTF_8)));
			return header + "." + claims + "." + signature;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
