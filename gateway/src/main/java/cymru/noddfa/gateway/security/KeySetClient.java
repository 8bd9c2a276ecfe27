package cymru.noddfa.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * How the gateway fetches the issuer's key set. Bounded in time (a key set that does not
 * answer costs a caller a 401 after the read timeout, never a hung request), and bounded
 * in rate: the token decoder refetches the key set whenever a token names a key id it
 * does not know, so anyone could make the gateway hammer the identity provider with
 * made-up key ids. Within {@code refetchInterval} of the last fetch the last key set
 * answers instead; a key the issuer really has just added is picked up after at most that
 * long.
 */
final class KeySetClient implements ExchangeFilterFunction {

	private final Duration refetchInterval;

	private final Clock clock;

	private final AtomicReference<Fetched> last = new AtomicReference<>();

	private record Fetched(Instant at, String body) {
	}

	private KeySetClient(Duration refetchInterval, Clock clock) {
		this.refetchInterval = refetchInterval;
		this.clock = clock;
	}

	static WebClient webClient(SecurityProperties security, Clock clock) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) security.jwkSetConnectTimeout().toMillis())
			.responseTimeout(security.jwkSetReadTimeout());
		return WebClient.builder()
			.clientConnector(new ReactorClientHttpConnector(http))
			.filter(new KeySetClient(security.jwkSetRefetchInterval(), clock))
			.build();
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Fetched fetched = this.last.get();
		if (fetched != null && this.clock.instant().isBefore(fetched.at().plus(this.refetchInterval))) {
			return Mono.just(keySet(HttpStatus.OK, fetched.body()));
		}
		return next.exchange(request)
			.flatMap((response) -> response.bodyToMono(String.class).defaultIfEmpty("").map((body) -> {
				if (response.statusCode().is2xxSuccessful()) {
					this.last.set(new Fetched(this.clock.instant(), body));
				}
				return keySet(response.statusCode(), body);
			}));
	}

	private static ClientResponse keySet(org.springframework.http.HttpStatusCode status, String body) {
		return ClientResponse.create(status)
			.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
			.body(body)
			.build();
	}

}
