package cymru.noddfa.notifications.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TargetRedactionTest {

	@ParameterizedTest(name = "{0} {1} is shown as {2}")
	@CsvSource(delimiter = '|', textBlock = """
			SMS   | +447700900123          | sms ••••0123
			SMS   | 07700 900 456          | sms ••••0456
			SMS   | 12                     | sms ••••
			EMAIL | duty.lead@provider.org | email ••••@provider.org
			EMAIL | not-an-address         | email ••••
			""")
	void an_address_shows_no_more_than_its_last_digits_or_its_domain(String channel, String address, String masked) {
		assertThat(TargetRedaction.maskedAddress(channel, address)).isEqualTo(masked);
	}

}
