package cymru.noddfa.bench.workload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JDK HTTP client over HTTP/1.1 on virtual threads, JSON in and out, always with a
 * bearer token.
 */
public final class Http {

	static final JsonMapper json = JsonMapper.builder().build();

	private final Duration timeout;

	/** Calls that give up after 15 s: for setting up, not measuring. */
	public Http() {
		this(Duration.ofSeconds(15));
	}

	/**
	 * @param timeout how long a call waits for its answer before it counts as failed
	 */
	public Http(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration timeout() {
		return this.timeout;
	}

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	public Answer get(String url, String token) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET(), token, Map.of());
	}

	public Answer post(String url, String token, Object body) {
		return send(HttpRequest.newBuilder(URI.create(url)).POST(body(body)), token, Map.of());
	}

	public Answer delete(String url, String token) {
		return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), token, Map.of());
	}

	public Answer put(String url, String token, Object body, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(URI.create(url)).PUT(body(body)), token, headers);
	}

	private static HttpRequest.BodyPublisher body(Object body) {
		return HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
	}

	private Answer send(HttpRequest.Builder request, String token, Map<String, String> headers) {
		request.timeout(this.timeout).header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body(),
					response.headers().firstValue("ETag").orElse(null), response.headers().map());
		}
		catch (IOException ex) {
			return new Answer(-1, String.valueOf(ex), null, Map.of());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(-1, "interrupted", null, Map.of());
		}
	}

	/** A status, a body and the ETag if any; status -1 when no answer came. */
	public record Answer(int status, String body, String etag, Map<String, java.util.List<String>> headers) {

		/** A header's first value, whatever its case; empty when absent. */
		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse("");
		}

		public boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		public JsonNode json() {
			return Http.json.readTree(this.body);
		}

		/** The version an ETag such as {@code "7"} carries. */
		public long version() {
			return Long.parseLong(this.etag.replace("W/", "").replace("\"", ""));
		}

		@Override
		public String toString() {
			return this.status + " " + ((this.body.length() > 300) ? this.body.substring(0, 300) : this.body);
		}

	}

}
