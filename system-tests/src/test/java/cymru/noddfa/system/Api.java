package cymru.noddfa.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public HTTP API as a client sees it: JSON in, JSON out, status and headers visible.
 */
final class Api {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http;

	private final String baseUrl;

	private final String token;

	Api(String baseUrl) {
		this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), baseUrl, null);
	}

	private Api(HttpClient http, String baseUrl, String token) {
		this.http = http;
		this.baseUrl = baseUrl;
		this.token = token;
	}

	/** The same client, sending this bearer token on every request. */
	Api as(String bearerToken) {
		return new Api(this.http, this.baseUrl, bearerToken);
	}

	Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
	}

	Response post(String path, Object body) {
		return send(HttpRequest.newBuilder(uri(path)).POST(body(body)), Map.of());
	}

	Response post(String path, Object body, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(uri(path)).POST(body(body)), headers);
	}

	Response put(String path, Object body, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(uri(path)).PUT(body(body)), headers);
	}

	static JsonNode parse(String text) {
		return json.readTree(text);
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private static HttpRequest.BodyPublisher body(Object body) {
		String text = (body instanceof String string) ? string : json.writeValueAsString(body);
		return HttpRequest.BodyPublishers.ofString(text);
	}

	private Response send(HttpRequest.Builder request, Map<String, String> headers) {
		request.timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json");
		if (this.token != null) {
			request.header("Authorization", "Bearer " + this.token);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException("No answer from " + request.build().uri(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Response(int status, String body, HttpResponse<String> raw) {

		JsonNode json() {
			return parse(this.body);
		}

		String header(String name) {
			return this.raw.headers().firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
