package cymru.noddfa.notifications.delivery;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * GOV.UK Notify (or anything that speaks its API) for text messages, and for email when
 * {@code useForEmail} is set.
 *
 * @param apiKey {@code <key name>-<service id>-<secret key>}; without it SMS cannot be
 * sent and falls through to the next channel
 * @param smsTemplateId a Notify template whose whole text is {@code ((body))}
 * @param emailTemplateId likewise, with {@code ((subject))} as its subject
 * @param timeout how long Notify may take to answer one request
 * @param connectTimeout how long connecting to Notify may take
 */
@ConfigurationProperties("noddfa.notifications.notify")
public record NotifyProperties(@DefaultValue("https://api.notifications.service.gov.uk") URI baseUrl, String apiKey,
		String smsTemplateId, String emailTemplateId, @DefaultValue("false") boolean useForEmail,
		@DefaultValue("5s") Duration timeout, @DefaultValue("2s") Duration connectTimeout) {

	@ConstructorBinding
	public NotifyProperties {
	}

	/** With the default connect timeout. */
	public NotifyProperties(URI baseUrl, String apiKey, String smsTemplateId, String emailTemplateId,
			boolean useForEmail, Duration timeout) {
		this(baseUrl, apiKey, smsTemplateId, emailTemplateId, useForEmail, timeout, Duration.ofSeconds(2));
	}

	boolean configured() {
		return this.apiKey != null && this.apiKey.length() > 73;
	}

	/** The service id: the 36 characters before the secret. */
	String serviceId() {
		return this.apiKey.substring(this.apiKey.length() - 73, this.apiKey.length() - 37);
	}

	/** The secret key: the last 36 characters. */
	String secretKey() {
		return this.apiKey.substring(this.apiKey.length() - 36);
	}

}
