package cymru.noddfa.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the gateway over real HTTP. Each client comes from its own loopback address
 * (127.0.x.y), so the per-client-IP rate limits of one test never touch another's.
 */
final class GatewayClient {

	private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(2);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final String address;

	private final HttpClient http;

	GatewayClient(int port) {
		this.port = port;
		int n = NEXT_ADDRESS.getAndIncrement();
		this.address = "127.0." + (n / 250) + "." + (n % 250 + 2);
		try {
			this.http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.localAddress(InetAddress.getByName(this.address))
				.connectTimeout(Duration.ofSeconds(5))
				.build();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	HttpClient http() {
		return this.http;
	}

	String address() {
		return this.address;
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(15));
	}

	HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = request(path).GET();
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	HttpResponse<String> postJson(String path, String json, String... headers) {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request.build());
	}

	/** A body sent chunked, with no Content-Length to judge it by. */
	HttpResponse<String> postChunked(String path, byte[] body) {
		return send(request(path).header("Content-Type", "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build());
	}

	HttpResponse<String> send(HttpRequest request) {
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

}
