package cymru.noddfa.kit.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import cymru.noddfa.edge.TokenChecks;
import cymru.noddfa.edge.VerifiedTokens;
import cymru.noddfa.testsupport.MovableClock;
import cymru.noddfa.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The services' memory of verified tokens, around the decoder they use: real tokens from
 * a real issuer's key set.
 */
class RememberedTokensTest {

	static final TestIdentity identity = TestIdentity.shared();

	static final TestIdentity.Caller team = TestIdentity.Caller.crisisTeam("CTM");

	final AtomicInteger verifications = new AtomicInteger();

	final MovableClock clock = new MovableClock();

	final JwtDecoder tokens = new VerifiedTokens(this.clock, Duration.ofMinutes(1), 1_000).around(counting());

	@Test
	void a_token_presented_again_is_not_verified_again() {
		String token = identity.token(team);

		String first = this.tokens.decode(token).getSubject();
		String second = this.tokens.decode(token).getSubject();

		assertThat(second).isEqualTo(first).isEqualTo(team.subject());
		assertThat(this.verifications).hasValue(1);
	}

	@Test
	void a_token_is_verified_again_once_it_has_been_remembered_for_the_longest_allowed() {
		String token = identity.token(team);
		this.tokens.decode(token);

		this.clock.move(Duration.ofSeconds(55));
		this.tokens.decode(token);
		assertThat(this.verifications).as("within the minute").hasValue(1);

		this.clock.move(Duration.ofSeconds(10));
		this.tokens.decode(token);
		assertThat(this.verifications).as("after the minute").hasValue(2);
	}

	@Test
	void a_remembered_token_past_its_expiry_is_not_honoured_from_memory() {
		JwtDecoder longMemory = new VerifiedTokens(this.clock, Duration.ofHours(1), 1_000).around(counting());
		String token = identity.token(team); // good for ten minutes
		longMemory.decode(token);

		this.clock.move(Duration.ofMinutes(10).plusSeconds(1));
		longMemory.decode(token);

		// the real decoder verifies it again (its own clock is the real one, so it
		// passes)
		assertThat(this.verifications).hasValue(2);
	}

	@Test
	void a_token_that_fails_verification_is_never_remembered() {
		String tampered = identity.tampered(team);
		String expired = identity.expired(team);

		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.tokens.decode(tampered));
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> this.tokens.decode(expired));
		}
		assertThat(this.verifications).hasValue(4);
	}

	@Test
	void two_callers_tokens_are_remembered_apart() {
		String teamToken = identity.token(team);
		String panelToken = identity.token(TestIdentity.Caller.panel("CTM"));

		assertThat(this.tokens.decode(teamToken).getSubject()).isEqualTo(team.subject());
		assertThat(this.tokens.decode(panelToken).getSubject()).isNotEqualTo(team.subject());
		assertThat(this.tokens.decode(teamToken).getSubject()).isEqualTo(team.subject());
		assertThat(this.verifications).hasValue(2);
	}

	private JwtDecoder counting() {
		NimbusJwtDecoder real = NimbusJwtDecoder.withJwkSetUri(identity.jwkSetUri())
			.jwsAlgorithm(SignatureAlgorithm.RS256)
			.build();
		real.setJwtValidator(TokenChecks.issuerAudienceAndExpiry(identity.issuer(), TestIdentity.AUDIENCE));
		return (token) -> {
			this.verifications.incrementAndGet();
			return real.decode(token);
		};
	}

}
