package cymru.noddfa.gateway.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import cymru.noddfa.edge.VerifiedTokens;
import cymru.noddfa.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The gateway's own decoder, against a real issuer's key set: a bearer token is verified
 * once and then recalled, and a bad one is verified (and refused) every time.
 */
class RememberedTokensTests {

	static final TestIdentity identity = TestIdentity.shared();

	final AtomicInteger verifications = new AtomicInteger();

	final ReactiveJwtDecoder decoder = SecurityConfiguration.remembering(counting(),
			new VerifiedTokens(Clock.systemUTC(), Duration.ofMinutes(1), 100));

	@Test
	void a_bearer_token_presented_again_is_recalled_not_verified_again() {
		String token = identity.crisisTeam("CTM");

		String first = this.decoder.decode(token).block().getSubject();
		String second = this.decoder.decode(token).block().getSubject();

		assertThat(second).isEqualTo(first);
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void a_refused_token_is_verified_and_refused_every_time() {
		String tampered = identity.tampered(TestIdentity.Caller.crisisTeam("CTM"));

		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.decoder.decode(tampered).block());
		}
		assertThat(this.verifications).hasValue(2);
	}

	private ReactiveJwtDecoder counting() {
		SecurityProperties security = new SecurityProperties(true, URI.create(identity.jwkSetUri()), identity.issuer(),
				TestIdentity.AUDIENCE, "default-src 'self'", Duration.ofDays(1), Duration.ofSeconds(1),
				Duration.ofSeconds(3), Duration.ofSeconds(30), Duration.ofMinutes(1));
		ReactiveJwtDecoder real = SecurityConfiguration.decoder(security);
		return (token) -> {
			this.verifications.incrementAndGet();
			return real.decode(token);
		};
	}

}
