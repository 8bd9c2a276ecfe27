package cymru.noddfa.gateway.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's firewall reads header names, header values and parameter names with
 * loops: it lets through and turns away exactly what Spring's default firewall does.
 */
class QuickHeaderChecksTest {

	private final ServerWebExchangeFirewall quick = SecurityConfiguration.quickHeaderChecks();

	private final ServerWebExchangeFirewall springs = new StrictServerWebExchangeFirewall();

	@Test
	void headers_and_parameters_are_judged_as_springs_firewall_judges_them() {
		List<String> texts = new ArrayList<>(List.of("Bearer abc", "a\tb", "a\u0007b", "caf\u00e9", "\u0085", "\u2028",
				"x\u0378y", "", " spaced ", "\ud83d\ude00", "\ud83d"));
		Random random = new Random(7);
		for (int i = 0; i < 5_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int length = random.nextInt(12); length > 0; length--) {
				text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x3000)));
			}
			texts.add(text.toString());
		}
		int refused = 0;
		for (String text : texts) {
			String header = answer(this.springs, (request) -> request.header("X-Test", text), "X-Test");
			assertThat(answer(this.quick, (request) -> request.header("X-Test", text), "X-Test")).as("value %s", text)
				.isEqualTo(header);
			if (!text.isEmpty()) {
				assertThat(answer(this.quick, (request) -> request.header(text, "v"), text)).as("name %s", text)
					.isEqualTo(answer(this.springs, (request) -> request.header(text, "v"), text));
				assertThat(parameter(this.quick, text)).as("parameter %s", text)
					.isEqualTo(parameter(this.springs, text));
			}
			refused += header.equals("refused") ? 1 : 0;
		}
		assertThat(refused).as("some values refused, some let through").isPositive().isLessThan(texts.size());
	}

	private static String answer(ServerWebExchangeFirewall firewall,
			java.util.function.UnaryOperator<MockServerHttpRequest.BaseBuilder<?>> headers, String name) {
		try {
			ServerWebExchange exchange = firewall
				.getFirewalledExchange(MockServerWebExchange.from(headers.apply(MockServerHttpRequest.get("/api/x"))))
				.block();
			// an absent header is asked about too
			return exchange.getRequest().getHeaders().get(name) + " "
					+ exchange.getRequest().getHeaders().getFirst("X-Absent");
		}
		catch (RuntimeException ex) {
			return "refused";
		}
	}

	private static String parameter(ServerWebExchangeFirewall firewall, String name) {
		try {
			ServerWebExchange exchange = firewall
				.getFirewalledExchange(
						MockServerWebExchange.from(MockServerHttpRequest.get("/api/x").queryParam(name, "v")))
				.block();
			return String.valueOf(exchange.getRequest().getQueryParams().get(name));
		}
		catch (RuntimeException ex) {
			return "refused";
		}
	}

}
