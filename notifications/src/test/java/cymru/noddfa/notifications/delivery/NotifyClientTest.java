package cymru.noddfa.notifications.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import cymru.noddfa.notifications.NotifyStub;
import cymru.noddfa.notifications.message.BilingualText;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The Notify adapter against a local HTTP stub of Notify's documented API. */
class NotifyClientTest {

	private final Notification notification = new Notification(UUID.randomUUID(), "HoldPlaced", "r-1", "CTM-0042",
			"CTM", "bridgend-hub", Instant.parse("2026-11-23T02:00:00Z"),
			new BilingualText("Referral CTM-0042: a bed is being held for you.",
					"Atgyfeiriad CTM-0042: mae gwely'n cael ei gadw i chi."));

	private NotifyClient client(String apiKey) {
		return new NotifyClient(
				new NotifyProperties(URI.create(NotifyStub.get().baseUrl()), apiKey, "sms-template", "email-template",
						true, Duration.ofSeconds(5)),
				JsonMapper.builder().build(), Clock.fixed(Instant.now(), ZoneOffset.UTC));
	}

	@Test
	void an_email_goes_through_notify_when_it_carries_email() {
		String address = "duty-" + UUID.randomUUID() + "@provider.example";
		NotifyClient client = client(NotifyStub.API_KEY);

		Sent sent = client.email(address, "delivery-1", this.notification);

		assertThat(client.carriesEmail()).isTrue();
		assertThat(sent.outcome()).isEqualTo(Outcome.DELIVERED);
		assertThat(sent.httpStatus()).isEqualTo(201);
		NotifyStub.Call call = NotifyStub.get().callsTo(address).get(0);
		assertThat(call.path()).isEqualTo("/v2/notifications/email");
		assertThat(call.body().get("template_id").asString()).isEqualTo("email-template");
		assertThat(call.body().get("reference").asString()).isEqualTo("delivery-1");
		assertThat(call.body().at("/personalisation/subject").asString()).contains("CTM-0042");
		assertThat(call.body().at("/personalisation/body").asString()).contains("mae gwely'n cael ei gadw");
	}

	@Test
	void a_request_notify_rejects_is_not_retried_and_a_server_error_is() {
		String badNumber = "+4400000" + (int) (Math.random() * 100000);
		String busyNumber = "+4400001" + (int) (Math.random() * 100000);
		NotifyStub.get().answer(badNumber, 400);
		NotifyStub.get().answer(busyNumber, 503);
		NotifyClient client = client(NotifyStub.API_KEY);

		assertThat(client.sms(badNumber, "d", this.notification).outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(client.sms(busyNumber, "d", this.notification).outcome()).isEqualTo(Outcome.FAILED);
	}

	@Test
	void without_an_api_key_nothing_is_sent_and_the_next_channel_is_tried() {
		NotifyClient client = client(null);

		assertThat(client.carriesEmail()).isFalse();
		assertThat(client.sms("+447700900123", "d", this.notification).outcome()).isEqualTo(Outcome.REFUSED);
	}

}
