package cymru.noddfa.notifications.delivery;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

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

	private final RestClient http;

	NotifyClient(NotifyProperties properties, JsonMapper json, Clock clock) {
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
		requests.setReadTimeout(properties.timeout());
		this.http = RestClient.builder()
			.baseUrl(properties.baseUrl())
			.requestFactory(requests)
			.defaultHeader(HttpHeaders.USER_AGENT, "Noddfa-Notifications/1")
			.build();
	}

	boolean carriesEmail() {
		return this.properties.configured() && this.properties.useForEmail();
	}

	Sent sms(String phoneNumber, String reference, Notification notification) {
		return post("/v2/notifications/sms", new Sms(phoneNumber, this.properties.smsTemplateId(),
				Map.of("body", notification.plainText()), reference));
	}

	Sent email(String address, String reference, Notification notification) {
		return post("/v2/notifications/email", new Email(address, this.properties.emailTemplateId(),
				Map.of("subject", EmailSender.subject(notification), "body", notification.plainText()), reference));
	}

	private Sent post(String path, Object body) {
		if (!this.properties.configured()) {
			return Sent.refused("GOV.UK Notify is not configured (noddfa.notifications.notify.api-key)");
		}
		try {
			int status = this.http.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
				.body(this.json.writeValueAsString(body))
				.exchange((request, response) -> response.getStatusCode().value());
			if (status >= 200 && status < 300) {
				return Sent.delivered(status);
			}
			// 400 and 403 mean the request itself is wrong (bad number, bad key):
			// retrying
			// will not help, the next channel might
			return (status == 400 || status == 403) ? new Sent(Outcome.REFUSED, status, "Notify answered " + status)
					: Sent.failed(status, "Notify answered " + status);
		}
		catch (ResourceAccessException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return Sent.failed(null, cause.getClass().getSimpleName() + ": " + cause.getMessage());
		}
	}

	String token() {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(this.properties.serviceId())
			.issueTime(Date.from(this.clock.instant()))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
				claims);
		try {
			jwt.sign(new MACSigner(this.properties.secretKey().getBytes(StandardCharsets.UTF_8)));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Notify's secret key cannot sign an HS256 token", ex);
		}
		return jwt.serialize();
	}

	/** The body of {@code POST /v2/notifications/sms}. */
	record Sms(@JsonProperty("phone_number") String phoneNumber, @JsonProperty("template_id") String templateId,
			Map<String, String> personalisation, String reference) {

	}

	/** The body of {@code POST /v2/notifications/email}. */
	record Email(@JsonProperty("email_address") String emailAddress, @JsonProperty("template_id") String templateId,
			Map<String, String> personalisation, String reference) {

	}

}
