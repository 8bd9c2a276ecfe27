package cymru.noddfa.gateway.devauth;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code POST /dev-auth/token} of the local stack, answered by the development identity
 * provider ({@code dev-identity}). It refuses to start outside the {@code local} profile.
 *
 * @param enabled whether the gateway routes {@code /dev-auth/token} to the provider
 * @param uri where the development identity provider listens
 */
@ConfigurationProperties("noddfa.gateway.dev-auth")
public record DevAuthProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("http://127.0.0.1:9000") URI uri) {

}
