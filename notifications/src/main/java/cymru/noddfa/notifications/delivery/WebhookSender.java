package cymru.noddfa.notifications.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import cymru.noddfa.notifications.webhook.RefusedWebhookAddress;
import cymru.noddfa.notifications.webhook.WebhookAddressPolicy;
import cymru.noddfa.notifications.webhook.WebhookProperties;
import cymru.noddfa.notifications.webhook.WebhookSignature;
import lombok.extern.slf4j.Slf4j;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posts a signed message to a webhook. The address check runs inside the HTTP client's
 * own DNS resolution, so the address that is checked is the address that is called; the
 * client never follows a redirect and never retries by itself (the delivery scheduler
 * decides when to try again).
 */
@Component
@Slf4j
class WebhookSender implements DisposableBean {

	private final WebhookAddressPolicy policy;

	private final CloseableHttpClient http;

	private final Clock clock;

	WebhookSender(WebhookProperties properties, Clock clock) {
		this.policy = properties.policy();
		this.clock = clock;
		DnsResolver checked = new CheckingDnsResolver(this.policy);
		this.http = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(checked)
				.setMaxConnTotal(50)
				.setMaxConnPerRoute(10)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.of(properties.connectTimeout()))
					.setSocketTimeout(Timeout.of(properties.responseTimeout()))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setRedirectsEnabled(false)
				.setConnectionRequestTimeout(Timeout.of(properties.connectionRequestTimeout()))
				.setResponseTimeout(Timeout.of(properties.responseTimeout()))
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.setUserAgent("Noddfa-Notifications/1")
			.build();
	}

	/**
	 * @param eventId the CloudEvents id of the event the message reports
	 */
	Sent send(String url, String secret, String eventId, String deliveryId, String body) {
		URI uri;
		try {
			uri = this.policy.checkUrl(url);
		}
		catch (RefusedWebhookAddress ex) {
			return refused(ex.getMessage());
		}
		long timestamp = this.clock.instant().getEpochSecond();
		HttpPost post = new HttpPost(uri);
		post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
		post.setHeader("ce-id", eventId);
		post.setHeader("X-Noddfa-Delivery", deliveryId);
		post.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
		post.setHeader(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body));
		try {
			int status = this.http.execute(post, (response) -> {
				EntityUtils.consume(response.getEntity());
				return response.getCode();
			});
			return (status >= 200 && status < 300) ? Sent.delivered(status)
					: Sent.failed(status, "receiver answered " + status);
		}
		catch (RefusedHost ex) {
			return refused(ex.refusal.getMessage());
		}
		catch (IOException ex) {
			return Sent.failed(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	@Override
	public void destroy() throws IOException {
		this.http.close();
	}

	private static Sent refused(String error) {
		log.warn("Webhook address refused at send time ({}); not called", error);
		return Sent.refused(error);
	}

	private static final class CheckingDnsResolver implements DnsResolver {

		private final WebhookAddressPolicy policy;

		CheckingDnsResolver(WebhookAddressPolicy policy) {
			this.policy = policy;
		}

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
			try {
				this.policy.checkAddresses(host, addresses);
			}
			catch (RefusedWebhookAddress ex) {
				throw new RefusedHost(ex);
			}
			return addresses;
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
		}

	}

	/** Travels through the HTTP client as the I/O failure a refused lookup is. */
	private static final class RefusedHost extends UnknownHostException {

		private final transient RefusedWebhookAddress refusal;

		RefusedHost(RefusedWebhookAddress refusal) {
			super(refusal.getMessage());
			this.refusal = refusal;
		}

	}

}
