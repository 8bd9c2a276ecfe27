package cymru.noddfa.notifications;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 that records every request it gets, standing in for a
 * crisis team's or provider's system. It can be stopped and started again on the same
 * port, as a receiver that goes down and comes back.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 204;

	private HttpServer server;

	private int port;

	private WebhookReceiver() {
	}

	public static WebhookReceiver start() {
		WebhookReceiver receiver = new WebhookReceiver();
		receiver.listen(0);
		return receiver;
	}

	private void listen(int port) {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
				this.requests.add(new Request(exchange.getRequestURI().getPath(), headers,
						new String(body.readAllBytes(), StandardCharsets.UTF_8)));
			}
			exchange.sendResponseHeaders(this.status, -1);
			exchange.close();
		});
		this.server.start();
		this.port = this.server.getAddress().getPort();
	}

	public int port() {
		return this.port;
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	public void answerWith(int status) {
		this.status = status;
	}

	/** Takes the receiver away: connections are refused until {@link #restart()}. */
	public void stop() {
		this.server.stop(0);
	}

	public void restart() {
		listen(this.port);
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	public List<Request> requestsTo(String path) {
		return this.requests.stream().filter((r) -> r.path().equals(path)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	public record Request(String path, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name);
		}

	}

}
