package cymru.noddfa.gateway.devauth;

import java.util.Arrays;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The development token issuer: a fresh RSA key each start (tokens from an earlier run
 * stop working, as they should), published as a JWKS. It exists only in the {@code local}
 * profile; asked for anywhere else it stops the gateway from starting, so a copied
 * setting can never put a self-service token endpoint in front of real data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("noddfa.gateway.dev-auth.enabled")
class DevAuthConfiguration {

	static final String LOCAL_PROFILE = "local";

	DevAuthConfiguration(Environment environment) {
		if (!environment.matchesProfiles(LOCAL_PROFILE)) {
			throw new IllegalStateException("The development token issuer (noddfa.gateway.dev-auth.enabled=true) "
					+ "runs only in the 'local' profile, and the active profiles are "
					+ Arrays.toString(environment.getActiveProfiles())
					+ ". Remove the setting, or start with --spring.profiles.active=local on a developer machine; "
					+ "everywhere else point noddfa.gateway.security.* at a real OIDC provider.");
		}
	}

	@Bean
	RSAKey devSigningKey() throws JOSEException {
		return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.generate();
	}

	@Bean
	JwtEncoder devTokenEncoder(RSAKey devSigningKey) {
		return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(devSigningKey)));
	}

}
