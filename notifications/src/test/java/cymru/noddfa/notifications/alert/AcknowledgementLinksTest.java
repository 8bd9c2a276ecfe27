package cymru.noddfa.notifications.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementLinksTest {

	private static final Instant SENT = Instant.parse("2026-11-23T02:00:00Z");

	private final AcknowledgementLinks links = new AcknowledgementLinks("https://noddfa.example/api/notifications/",
			"a-key", Duration.ofHours(24));

	private final UUID alert = UUID.randomUUID();

	private final UUID contact = UUID.randomUUID();

	@Test
	void a_link_works_until_its_time_to_live_has_passed() {
		Link link = Link.of(this.links.url(this.alert, this.contact, SENT));
		assertThat(this.links.check(this.alert, this.contact, link.exp(), link.sig(), SENT.plus(Duration.ofHours(23))))
			.isEqualTo(AcknowledgementLinks.Verdict.VALID);
		assertThat(this.links.check(this.alert, this.contact, link.exp(), link.sig(), SENT.plus(Duration.ofHours(24))))
			.isEqualTo(AcknowledgementLinks.Verdict.EXPIRED);
	}

	@Test
	void a_link_is_on_the_public_address_and_its_expiry_cannot_be_pushed_back() {
		String url = this.links.url(this.alert, this.contact, SENT);
		assertThat(url).startsWith("https://noddfa.example/api/notifications/v1/alerts/" + this.alert
				+ "/acknowledge?contact=" + this.contact + "&exp=");
		Link link = Link.of(url);
		assertThat(this.links.check(this.alert, this.contact, link.exp() + 86_400, link.sig(), SENT))
			.isEqualTo(AcknowledgementLinks.Verdict.INVALID);
		assertThat(this.links.check(this.alert, UUID.randomUUID(), link.exp(), link.sig(), SENT))
			.isEqualTo(AcknowledgementLinks.Verdict.INVALID);
		assertThat(this.links.check(this.alert, this.contact, null, link.sig(), SENT))
			.isEqualTo(AcknowledgementLinks.Verdict.INVALID);
	}

	record Link(long exp, String sig) {

		static Link of(String url) {
			Matcher m = Pattern.compile("exp=(\\d+)&sig=(\\S+)$").matcher(url);
			assertThat(m.find()).isTrue();
			return new Link(Long.parseLong(m.group(1)), m.group(2));
		}

	}

}
