package cymru.noddfa.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoopbackOnlyTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "::1", "localhost", "127.0.0.2" })
	void a_loopback_address_is_allowed(String address) {
		assertThatCode(() -> LoopbackOnly.check(address, false)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "::", "10.1.2.3", "192.168.0.7", "no-such-host.invalid", " " })
	void any_other_address_is_refused_without_the_explicit_setting(String address) {
		assertThatThrownBy(() -> LoopbackOnly.check(address, false)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("noddfa.dev-identity.allow-non-loopback=true");
	}

	@Test
	void no_address_at_all_means_every_interface_and_is_refused() {
		assertThatThrownBy(() -> LoopbackOnly.check((String) null, false))
			.hasMessageContaining("unset (every interface)");
	}

	@Test
	void the_explicit_setting_allows_another_address() {
		assertThatCode(() -> LoopbackOnly.check("0.0.0.0", true)).doesNotThrowAnyException();
	}

	@Test
	void the_provider_does_not_start_on_every_interface() {
		assertThatThrownBy(() -> DevIdentityApplication.start("--server.address=0.0.0.0", "--server.port=0"))
			.hasStackTraceContaining("listens only on loopback");
	}

}
