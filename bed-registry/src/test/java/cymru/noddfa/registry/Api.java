package cymru.noddfa.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP against the running service, so tests see exactly what a client sees. Each
 * client sends one caller's bearer token (or none: {@link #anonymous()}).
 */
public final class Api {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String token;

	/** A client with no token. */
	public Api(int port) {
		this("http://localhost:" + port, null);
	}

	private Api(String base, String token) {
		this.base = base;
		this.token = token;
	}

	/** The same service, called with this bearer token. */
	public Api as(String bearerToken) {
		return new Api(this.base, bearerToken);
	}

	/** The same service, called without a token. */
	public Api anonymous() {
		return new Api(this.base, null);
	}

	public Response get(String path, String... headers) {
		return send("GET", path, null, headers);
	}

	public Response post(String path, String body, String... headers) {
		return send("POST", path, body, headers);
	}

	public Response put(String path, String body, String... headers) {
		return send("PUT", path, body, headers);
	}

	/**
	 * @param headers name, value, name, value…
	 */
	public Response send(String method, String path, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static JsonNode parse(String text) {
		return json.readTree(text);
	}

	public record Response(int status, String body, java.net.http.HttpHeaders headers) {

		Response(HttpResponse<String> response) {
			this(response.statusCode(), response.body(), response.headers());
		}

		public JsonNode json() {
			return parse(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		public String etag() {
			return header("ETag");
		}

		public String contentType() {
			return header("Content-Type");
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
