package cymru.noddfa.notifications.webhook;

import java.net.InetAddress;
import java.util.List;

import cymru.noddfa.notifications.webhook.RefusedWebhookAddress.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookAddressPolicyTest {

	private final WebhookAddressPolicy production = new WebhookAddressPolicy(false,
			List.of("hooks.example.org", "*.nhs.wales"));

	private final WebhookAddressPolicy local = new WebhookAddressPolicy(true, List.of());

	@ParameterizedTest(name = "{0} is not public")
	@ValueSource(strings = { "127.0.0.1", "127.9.9.9", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.1",
			"169.254.169.254", "169.254.0.1", "100.64.0.1", "0.0.0.0", "0.1.2.3", "192.0.0.170", "198.18.0.1",
			"224.0.0.1", "240.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1",
			"::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "fd00:ec2::254", "ff02::1" })
	void special_purpose_addresses_are_refused_outside_the_local_stack(String address) throws Exception {
		assertThatThrownBy(
				() -> this.production.checkAddresses("h", new InetAddress[] { InetAddress.getByName(address) }))
			.isInstanceOf(RefusedWebhookAddress.class)
			.extracting((ex) -> ((RefusedWebhookAddress) ex).reason())
			.isEqualTo(Reason.PRIVATE_ADDRESS);
	}

	@ParameterizedTest(name = "{0} is public")
	@ValueSource(strings = { "203.0.113.10", "8.8.8.8", "172.32.0.1", "2001:4860:4860::8888" })
	void public_addresses_are_allowed(String address) throws Exception {
		assertThatNoException().isThrownBy(
				() -> this.production.checkAddresses("h", new InetAddress[] { InetAddress.getByName(address) }));
	}

	@Test
	void one_private_address_among_public_ones_refuses_the_host() throws Exception {
		assertThatThrownBy(() -> this.production.checkAddresses("h",
				new InetAddress[] { InetAddress.getByName("203.0.113.10"), InetAddress.getByName("10.0.0.5") }))
			.isInstanceOf(RefusedWebhookAddress.class);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(textBlock = """
			http://hooks.example.org/x,          NOT_HTTPS
			https://evil.example.org/x,          HOST_NOT_ALLOWED
			https://hooks.example.org.evil.io/x, HOST_NOT_ALLOWED
			https://nhs.wales.evil.io/x,         HOST_NOT_ALLOWED
			https://user:pw@hooks.example.org/x, MALFORMED
			https://hooks.example.org/x#frag,    MALFORMED
			ftp://hooks.example.org/x,           MALFORMED
			/relative/path,                      MALFORMED
			not a url,                           MALFORMED
			""")
	void urls_outside_the_rules_are_refused_before_any_lookup(String url, Reason reason) {
		assertThatThrownBy(() -> this.production.checkUrl(url)).isInstanceOf(RefusedWebhookAddress.class)
			.extracting((ex) -> ((RefusedWebhookAddress) ex).reason())
			.isEqualTo(reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://hooks.example.org/x", "https://HOOKS.example.org:8443/x?a=1",
			"https://ctm.nhs.wales/hooks" })
	void allowed_https_hosts_pass_the_url_check(String url) {
		assertThatNoException().isThrownBy(() -> this.production.checkUrl(url));
	}

	@Test
	void the_local_stack_may_call_loopback_and_private_addresses_over_http() throws Exception {
		assertThat(this.local.checkUrl("http://127.0.0.1:9000/hook").getPort()).isEqualTo(9000);
		assertThatNoException().isThrownBy(() -> this.local.checkAddresses("h",
				new InetAddress[] { InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.0.0.1") }));
	}

	@ParameterizedTest
	@ValueSource(strings = { "169.254.169.254", "fe80::1", "0.0.0.0", "224.0.0.1", "::ffff:169.254.169.254" })
	void not_even_the_local_stack_may_call_link_local_metadata_or_unspecified_addresses(String address) {
		assertThatThrownBy(() -> this.local.checkAddresses("h", new InetAddress[] { InetAddress.getByName(address) }))
			.isInstanceOf(RefusedWebhookAddress.class);
	}

}
