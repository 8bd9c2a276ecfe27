package cymru.noddfa.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 standing in for one of the services behind the gateway:
 * it records what reached it and answers as a test tells it to. It can be stopped and
 * started again on the same port, as a service restarts.
 */
final class StubService {

	record Seen(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((e) -> e.getKey().equalsIgnoreCase(name))
				.map((e) -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	static final String FEED = "/v1/feed";

	static final java.time.Duration FEED_SILENCE = java.time.Duration.ofMillis(1500);

	private final java.util.concurrent.ScheduledExecutorService later = Executors
		.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());

	private final String name;

	private final int port;

	private final List<Seen> seen = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();

	private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();

	private volatile HttpServer server;

	private StubService(String name, HttpServer server) {
		this.name = name;
		this.server = server;
		this.port = server.getAddress().getPort();
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	static StubService start(String name) {
		return new StubService(name, bind(0));
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	void stop() {
		this.server.stop(0);
	}

	void restart() {
		this.server = bind(this.port);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** The next {@code times} requests to {@code path} get {@code 503}. */
	void failNext(String path, int times) {
		this.failuresLeft.put(path, new AtomicInteger(times));
	}

	/** Requests to {@code path} get no answer until the returned latch is released. */
	CountDownLatch holdAnswers(String path) {
		CountDownLatch latch = new CountDownLatch(1);
		this.held.put(path, latch);
		return latch;
	}

	List<Seen> requestsTo(String path) {
		return this.seen.stream().filter((s) -> s.pathAndQuery().startsWith(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String pathAndQuery = exchange.getRequestURI().toString();
		String path = exchange.getRequestURI().getPath();
		if (path.equals(FEED)) {
			streamTwoEventsApart(exchange);
			return;
		}
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		this.seen
			.add(new Seen(exchange.getRequestMethod(), pathAndQuery, Map.copyOf(exchange.getRequestHeaders()), body));
		CountDownLatch latch = this.held.get(path);
		if (latch != null) {
			try {
				latch.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		AtomicInteger failures = this.failuresLeft.get(path);
		if (failures != null && failures.getAndDecrement() > 0) {
			answer(exchange, 503, "{\"type\":\"https://noddfa.cymru/problems/busy\",\"status\":503}",
					"application/problem+json");
			return;
		}
		answer(exchange, 200, "{\"service\":\"" + this.name + "\",\"path\":\"" + pathAndQuery + "\"}",
				"application/json");
	}

	/**
	 * Like the notifications feed: one event at once, the next after a silence longer
	 * than an ordinary route's response timeout in these tests.
	 */
	private void streamTwoEventsApart(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
		this.later.schedule(() -> {
			try (out) {
				out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}, FEED_SILENCE.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static void answer(HttpExchange exchange, int status, String json, String contentType) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.getResponseHeaders()
			.set("X-Request-Id", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")));
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static HttpServer bind(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
